package org.clueexchange.core.ledger;

import org.clueexchange.events.AgencyType;

/** Which way a clue travels (线索双向移送). */
public enum Direction {
    POLICE_TO_DISCIPLINE("政法机关→纪检监察机关"),
    DISCIPLINE_TO_POLICE("纪检监察机关→政法机关");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Direction sentBy(AgencyType sender) {
        return switch (sender) {
            case POLICE -> POLICE_TO_DISCIPLINE;
            case DISCIPLINE -> DISCIPLINE_TO_POLICE;
            case UNKNOWN -> throw new IllegalArgumentException("no direction for an agency of unknown type");
        };
    }

    public static Direction receivedBy(AgencyType receiver) {
        return sentBy(receiver) == POLICE_TO_DISCIPLINE ? DISCIPLINE_TO_POLICE : POLICE_TO_DISCIPLINE;
    }
}
