package org.clueexchange.wire;

import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.events.AgencyType;

/**
 * The topics of the exchange. Each agency publishes only on its own topic, and the core only on its own; every
 * topic is keyed by clue id (or statement id), and both agencies' topics have the same number of partitions, so that
 * one consumer sees all facts of a clue whichever agency asserted them.
 */
public final class ExchangeTopics {

    public static final String POLICE_EVENTS = "clue.police.events";
    public static final String DISCIPLINE_EVENTS = "clue.discipline.events";
    /** What the core tells the agencies: what it made of each confirmation of a statement, keyed by statement id. */
    public static final String CORE_EVENTS = "clue.core.events";
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

    /** The topic a well-formed event travels on: its asserting agency's, or the core's for what the core publishes. */
    public static String of(SpecificRecord event) {
        return ClueEvents.publishedByCore(event) ? CORE_EVENTS
                : of(ClueEvents.envelopeOf(event).getAssertedBy().getType());
    }

    /** Why a well-formed event read from {@code topic} is out of place there, if it is: none writes another's topic. */
    public static Optional<String> misplaced(SpecificRecord event, String topic) {
        if (of(event).equals(topic)) {
            return Optional.empty();
        }
        return Optional.of(ClueEvents.publishedByCore(event)
                ? ClueEvents.typeOf(event) + " arrived on " + topic + ": only the core publishes it, on " + CORE_EVENTS
                : ClueEvents.typeOf(event) + " asserted by " + ClueEvents.envelopeOf(event).getAssertedBy().getType()
                        + " arrived on " + topic + ": an agency publishes only on its own topic");
    }
}
