package org.clueexchange.adapter.clues;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.adapter.FactJson;
import org.clueexchange.adapter.outbox.Outbox;
import org.clueexchange.adapter.outbox.OutboxEntry;
import org.clueexchange.adapter.received.ReceivedFact;
import org.clueexchange.adapter.received.ReceivedFacts;
import org.clueexchange.events.Agency;
import org.clueexchange.events.EventEnvelope;
import org.clueexchange.wire.ClueEvents;

/** Everything both agencies asserted about a clue, as far as this adapter knows it, in the order it happened. */
public final class ClueHistories {

    private final Outbox outbox;
    private final ReceivedFacts received;

    public ClueHistories(Outbox outbox, ReceivedFacts received) {
        this.outbox = outbox;
        this.received = received;
    }

    public List<FactRecord> of(String clueId) {
        List<FactRecord> history = new ArrayList<>();
        for (OutboxEntry ours : outbox.ofClue(clueId)) {
            history.add(record(ours.event(), "OURS", ours.publishedAt() == null ? "QUEUED" : "PUBLISHED", null));
        }
        for (ReceivedFact theirs : received.ofClue(clueId)) {
            history.add(record(theirs.event(), "THEIRS", null, theirs));
        }
        history.sort(Comparator.comparing(FactRecord::occurredAt).thenComparing(FactRecord::eventId));
        return history;
    }

    private static FactRecord record(SpecificRecord event, String side, String publication, ReceivedFact received) {
        EventEnvelope envelope = ClueEvents.envelopeOf(event);
        Map<String, Object> details = FactJson.of(event);
        details.remove("type");
        details.remove("envelope");
        String type = ClueEvents.typeOf(event);
        return new FactRecord(envelope.getEventId(), type, FactLabels.of(type), side, agency(envelope.getAssertedBy()),
                envelope.getActor(), envelope.getOccurredAt(), publication,
                received == null ? null : received.receivedAt(), details);
    }

    static String agency(Agency agency) {
        return agency.getType() + "@" + agency.getJurisdiction();
    }
}
