package org.clueexchange.wire;

import java.util.List;
import org.clueexchange.events.AgencyType;

/**
 * The topics of the exchange. Each agency publishes only on its own topic; every topic is keyed by clue id (or
 * statement id), and both agencies' topics have the same number of partitions, so that one consumer sees all facts
 * of a clue whichever agency asserted them.
 */
public final class ExchangeTopics {

    public static final String POLICE_EVENTS = "clue.police.events";
    public static final String DISCIPLINE_EVENTS = "clue.discipline.events";
    /** Records a consumer could not take, with the reason and where they came from in the headers. */
    public static final String DEAD_LETTER = "clue.deadletter";

    /** The agencies' topics, which must stay co-partitioned. */
    public static final List<String> AGENCY_TOPICS = List.of(POLICE_EVENTS, DISCIPLINE_EVENTS);

    private ExchangeTopics() {
    }

    public static String of(AgencyType agency) {
        return switch (agency) {
            case POLICE -> POLICE_EVENTS;
            case DISCIPLINE -> DISCIPLINE_EVENTS;
            case UNKNOWN -> throw new IllegalArgumentException("an agency of unknown type has no topic");
        };
    }
}
