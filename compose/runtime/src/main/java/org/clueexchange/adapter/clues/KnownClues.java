package org.clueexchange.adapter.clues;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.adapter.FactJson;
import org.clueexchange.adapter.outbox.Outbox;
import org.clueexchange.adapter.outbox.OutboxEntry;
import org.clueexchange.adapter.received.ReceivedFact;
import org.clueexchange.adapter.received.ReceivedFacts;
import org.clueexchange.events.ClueReceived;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.EventEnvelope;
import org.clueexchange.events.ReceiptChannel;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.SenderCaseNumbers;
import org.springframework.stereotype.Component;

/**
 * The clues this adapter knows of, from what it holds: the facts its agency asserted (the outbox) and the other
 * agency's facts that concern it (the received facts). Ours and theirs are read here; what the agency may do with a
 * clue is for the services that ask.
 */
@Component
public final class KnownClues {

    private static final String TRANSFERRED = ClueTransferred.getClassSchema().getName();
    private static final String RECEIVED = ClueReceived.getClassSchema().getName();

    private final Outbox outbox;
    private final ReceivedFacts received;

    public KnownClues(Outbox outbox, ReceivedFacts received) {
        this.outbox = outbox;
        this.received = received;
    }

    /** Our transfers after the cursor {@code after}, oldest first. */
    public List<OutboxEntry> sentAfter(long after, int limit) {
        return outbox.page(TRANSFERRED, after, limit);
    }

    /** Their transfers to jurisdictions within {@code scopes} after the cursor {@code after}, oldest first. */
    public List<ReceivedFact> receivedAfter(List<String> scopes, long after, int limit) {
        return received.page(TRANSFERRED, scopes, after, limit);
    }

    /** Our transfer of the clue, if our agency sent it. */
    public Optional<OutboxEntry> sent(String clueId) {
        return outbox.ofClue(clueId).stream().filter(entry -> entry.event() instanceof ClueTransferred).findFirst();
    }

    /** Their transfer of the clue to our agency, if it was transferred to us. */
    public Optional<ReceivedFact> received(String clueId) {
        return received.ofClue(clueId).stream().filter(fact -> fact.event() instanceof ClueTransferred).findFirst();
    }

    /**
     * The clue as our agency's inbox holds it: its transfer, if the exchange delivered it to us, and our first receipt
     * of it outside the exchange, if we signed for it so; none if neither.
     */
    public Optional<InboxClue> inbox(String clueId) {
        Optional<ReceivedFact> transfer = received(clueId);
        if (transfer.isPresent()) {
            return transfer.map(this::inboxOf);
        }
        return receivedOutside(clueId).map(receipt -> new InboxClue(clueId,
                receipt.getEnvelope().getAssertedBy().getJurisdiction(), null, receipt));
    }

    /** The clue of a transfer the exchange delivered, as our agency's inbox holds it. */
    public InboxClue inboxOf(ReceivedFact transfer) {
        return new InboxClue(transfer.clueId(), transfer.concernsJurisdiction(), transfer,
                receivedOutside(transfer.clueId()).orElse(null));
    }

    /**
     * The clues in our agency's inbox, received within any of {@code scopes}, whose transfer or whose receipt outside
     * the exchange names this sender's case number, in the order of their ids.
     */
    public List<InboxClue> inboxNaming(String senderCaseNumber, List<String> scopes) {
        String key = SenderCaseNumbers.key(senderCaseNumber);
        Set<String> clueIds = new TreeSet<>(received.cluesNaming(TRANSFERRED, key, scopes));
        clueIds.addAll(outbox.cluesNaming(RECEIVED, key, scopes));
        return clueIds.stream().map(this::inbox).flatMap(Optional::stream).toList();
    }

    /** Our agency's first receipt of the clue outside the exchange, if it signed for it so. */
    private Optional<ClueReceived> receivedOutside(String clueId) {
        return outbox.ofClue(clueId).stream().map(OutboxEntry::event)
                .filter(event -> event instanceof ClueReceived receipt && receipt.getChannel() == ReceiptChannel.OUTSIDE)
                .map(ClueReceived.class::cast).findFirst();
    }

    /** The latest fact of this type our agency asserted about the clue, by when it occurred. */
    public <T extends SpecificRecord> Optional<T> latestOurs(String clueId, Class<T> type) {
        return latest(outbox.ofClue(clueId).stream().map(OutboxEntry::event).toList(), type);
    }

    /** The latest fact of this type the other agency asserted about the clue, by when it occurred. */
    public <T extends SpecificRecord> Optional<T> latestTheirs(String clueId, Class<T> type) {
        return latest(received.ofClue(clueId).stream().map(ReceivedFact::event).toList(), type);
    }

    /** The first fact of this type that arrived from the other agency about the clue. */
    public <T extends SpecificRecord> Optional<T> firstTheirs(String clueId, Class<T> type) {
        return received.ofClue(clueId).stream().map(ReceivedFact::event).filter(type::isInstance).map(type::cast)
                .findFirst();
    }

    /** Everything both agencies asserted about the clue, as far as this adapter knows it, in the order it happened. */
    public List<FactRecord> history(String clueId) {
        List<FactRecord> history = new ArrayList<>();
        for (OutboxEntry ours : outbox.ofClue(clueId)) {
            history.add(ours(ours));
        }
        for (ReceivedFact theirs : received.ofClue(clueId)) {
            history.add(record(theirs.event(), "THEIRS", null, theirs));
        }
        history.sort(Comparator.comparing(FactRecord::occurredAt).thenComparing(FactRecord::eventId));
        return history;
    }

    /** A fact our agency asserted, as a clue's history shows it. */
    static FactRecord ours(OutboxEntry entry) {
        return record(entry.event(), "OURS", entry.publication(), null);
    }

    private static <T extends SpecificRecord> Optional<T> latest(List<SpecificRecord> facts, Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast)
                .max(Comparator.comparing(fact -> ClueEvents.envelopeOf(fact).getOccurredAt()));
    }

    private static FactRecord record(SpecificRecord event, String side, String publication, ReceivedFact received) {
        EventEnvelope envelope = ClueEvents.envelopeOf(event);
        Map<String, Object> details = FactJson.of(event);
        details.remove("type");
        details.remove("envelope");
        String type = ClueEvents.typeOf(event);
        return new FactRecord(envelope.getEventId(), type, FactLabels.of(type), side,
                ClueEvents.nameOf(envelope.getAssertedBy()), envelope.getActor(), envelope.getOccurredAt(),
                publication, received == null ? null : received.receivedAt(), details);
    }
}
