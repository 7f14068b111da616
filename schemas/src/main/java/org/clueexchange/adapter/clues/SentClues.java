package org.clueexchange.adapter.clues;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.clueexchange.adapter.AdapterAgency;
import org.clueexchange.adapter.AssertedFacts;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.adapter.outbox.Outbox;
import org.clueexchange.adapter.outbox.OutboxEntry;
import org.clueexchange.adapter.received.ReceivedFact;
import org.clueexchange.adapter.received.ReceivedFacts;
import org.clueexchange.api.InvalidRequestException;
import org.clueexchange.api.Page;
import org.clueexchange.events.Agency;
import org.clueexchange.events.ClueReceived;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.EventEnvelope;
import org.clueexchange.events.FeedbackAcknowledged;
import org.clueexchange.events.FeedbackSent;
import org.clueexchange.wire.ClueContentDigest;
import org.springframework.http.HttpStatus;

/** The clues this adapter's agency transfers: sending them, and what it asserts about them afterwards. */
public final class SentClues {

    private static final String TRANSFERRED = ClueTransferred.getClassSchema().getName();

    private final AdapterAgency agency;
    private final AssertedFacts facts;
    private final Outbox outbox;
    private final ReceivedFacts received;
    private final ClueHistories histories;

    public SentClues(AdapterAgency agency, AssertedFacts facts, Outbox outbox, ReceivedFacts received) {
        this.agency = agency;
        this.facts = facts;
        this.outbox = outbox;
        this.received = received;
        this.histories = new ClueHistories(outbox, received);
    }

    /** A clue id unique across agencies: it names the sending agency, its jurisdiction and its record. */
    public String clueId(String jurisdiction, String recordId) {
        return agency.type() + "-" + jurisdiction + "-" + recordId;
    }

    /**
     * Transfers the clue, if the client may act for the transferring jurisdiction; {@code request} is what the
     * agency system sent, so that a retry finds this answer.
     */
    public SentClueView transfer(TransferDraft draft, Object request, AgencyClient client) {
        client.requireJurisdiction(draft.jurisdiction(), "jurisdiction");
        String clueId = clueId(draft.jurisdiction(), draft.recordId());
        EventEnvelope envelope = facts.envelope(clueId, new Agency(agency.type(), draft.jurisdiction()),
                draft.officerId(), draft.occurredAt());
        ClueTransferred transfer = new ClueTransferred(envelope,
                new Agency(agency.counterpart(), draft.receiverJurisdiction()), draft.content(),
                ClueContentDigest.of(draft.content()));
        return view(facts.assertFact("transfer:" + clueId, "recordId", request, transfer));
    }

    public Optional<SentClueView> find(String clueId) {
        return transferOf(clueId).map(this::view);
    }

    /** Transfers after the cursor that {@code visible} lets the caller see; the cursor moves past all read. */
    public Page<SentClueView> page(long after, int limit, Predicate<SentClueView> visible) {
        List<OutboxEntry> entries = outbox.page(TRANSFERRED, after, limit);
        long next = entries.isEmpty() ? after : entries.get(entries.size() - 1).sequence();
        return new Page<>(entries.stream().map(this::view).filter(visible).toList(), next);
    }

    /** The transfer of a clue this adapter sent, if the client may act for the jurisdiction that sent it. */
    public OutboxEntry transfer(String clueId, AgencyClient client) {
        OutboxEntry transfer = transferOf(clueId).orElseThrow(() -> InvalidRequestException.of(
                HttpStatus.NOT_FOUND, "clueId", "this adapter's agency transferred no clue " + clueId));
        client.requireJurisdiction(jurisdictionOf(transfer), "clueId");
        return transfer;
    }

    /** 反馈确认 of the latest feedback the receiver sent. */
    public AssertedFactView acknowledgeFeedback(OutboxEntry transfer, Requests.Acknowledgement request) {
        FeedbackSent feedback = received.ofClue(transfer.clueId()).stream().map(ReceivedFact::event)
                .filter(FeedbackSent.class::isInstance).map(FeedbackSent.class::cast)
                .max(Comparator.comparing(sent -> sent.getEnvelope().getOccurredAt()))
                .orElseThrow(() -> InvalidRequestException.of(HttpStatus.CONFLICT, "clueId",
                        "no feedback on " + transfer.clueId() + " has arrived to acknowledge"));
        ClueTransferred sent = (ClueTransferred) transfer.event();
        EventEnvelope envelope = facts.envelope(transfer.clueId(), sent.getEnvelope().getAssertedBy(),
                request.officerId(), request.occurredAt());
        return AssertedFacts.view(facts.assertFact("acknowledgement:" + jurisdictionOf(transfer) + ":"
                + request.recordId(), "recordId", request, new FeedbackAcknowledged(envelope,
                feedback.getEnvelope().getEventId())));
    }

    private Optional<OutboxEntry> transferOf(String clueId) {
        return outbox.ofClue(clueId).stream().filter(entry -> entry.event() instanceof ClueTransferred).findFirst();
    }

    private static String jurisdictionOf(OutboxEntry transfer) {
        return ((ClueTransferred) transfer.event()).getEnvelope().getAssertedBy().getJurisdiction();
    }

    private SentClueView view(OutboxEntry entry) {
        ClueTransferred transfer = (ClueTransferred) entry.event();
        EventEnvelope envelope = transfer.getEnvelope();
        String jurisdiction = envelope.getAssertedBy().getJurisdiction();
        String recordId = entry.clueId().substring(clueId(jurisdiction, "").length());
        Boolean sameContent = received.ofClue(entry.clueId()).stream().map(ReceivedFact::event)
                .filter(ClueReceived.class::isInstance).map(ClueReceived.class::cast).findFirst()
                .map(receipt -> receipt.getContentDigest().equals(transfer.getContentDigest())).orElse(null);
        return new SentClueView(entry.sequence(), entry.clueId(), recordId, jurisdiction,
                transfer.getReceiver().getJurisdiction(), entry.eventId(), envelope.getOccurredAt(),
                entry.acceptedAt(), entry.publishedAt(), entry.publishedAt() == null ? "QUEUED" : "PUBLISHED",
                sameContent, histories.of(entry.clueId()));
    }
}
