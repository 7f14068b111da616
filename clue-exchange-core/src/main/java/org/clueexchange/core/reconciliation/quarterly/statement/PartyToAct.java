package org.clueexchange.core.reconciliation.quarterly.statement;

/** Which agency has to act on a quarterly break: the one whose record is missing, or both when they disagree. */
public enum PartyToAct {
    POLICE("政法机关"),
    DISCIPLINE("纪检监察机关"),
    /** The two agencies count differently: neither count is known to be the right one. */
    BOTH("双方");

    private final String label;

    PartyToAct(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
