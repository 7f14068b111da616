package org.clueexchange.adapter.clues;

import java.util.Comparator;
import java.util.Optional;
import org.clueexchange.adapter.AdapterAgency;
import org.clueexchange.adapter.AssertedFacts;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.adapter.outbox.Outbox;
import org.clueexchange.adapter.outbox.OutboxEntry;
import org.clueexchange.adapter.received.ReceivedFact;
import org.clueexchange.adapter.received.ReceivedFacts;
import org.clueexchange.api.Page;
import org.clueexchange.api.RequestRefusedException;
import org.clueexchange.events.Agency;
import org.clueexchange.events.ClueReceived;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.EventEnvelope;
import org.clueexchange.events.FeedbackAcknowledged;
import org.clueexchange.events.FeedbackSent;
import org.clueexchange.wire.ClueContentDigest;

/**
 * The clues this adapter's agency transfers: sending them, following them, and what it asserts about them
 * afterwards. Every action is refused unless the client may act for the jurisdiction that sent the clue.
 */
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

    /**
     * Transfers the clue, if the client may act for the transferring jurisdiction; {@code request} is what the
     * agency system sent, so that a retry finds this answer.
     */
    public SentClueView transfer(Requests.Transfer request, AgencyClient client) {
        TransferDraft draft = request.draft();
        client.requireJurisdiction(draft.jurisdiction(), "jurisdiction");
        String clueId = new SentClueId(agency.type(), draft.jurisdiction(), draft.recordId()).toString();
        EventEnvelope envelope = facts.envelope(clueId, new Agency(agency.type(), draft.jurisdiction()),
                draft.officerId(), draft.occurredAt());
        ClueTransferred transfer = new ClueTransferred(envelope,
                new Agency(agency.counterpart(), draft.receiverJurisdiction()), draft.content(),
                ClueContentDigest.of(draft.content()));
        return view(facts.assertFact("transfer:" + clueId, "recordId", request, transfer));
    }

    /** Transfers after the cursor that the client may see; the cursor moves past all read. */
    public Page<SentClueView> page(long after, int limit, AgencyClient client) {
        return Page.after(after, outbox.page(TRANSFERRED, after, limit), OutboxEntry::sequence)
                .filter(entry -> client.mayActFor(jurisdictionOf(entry))).map(this::view);
    }

    /** One transfer with everything known of it since, if the client may act for the jurisdiction that sent it. */
    public SentClueView one(String clueId, AgencyClient client) {
        return view(transfer(clueId, client));
    }

    /** 反馈确认 of the latest feedback the receiver sent. */
    public AssertedFactView acknowledgeFeedback(String clueId, Requests.Acknowledgement request,
                                                AgencyClient client) {
        OutboxEntry transfer = transfer(clueId, client);
        FeedbackSent feedback = received.ofClue(transfer.clueId()).stream().map(ReceivedFact::event)
                .filter(FeedbackSent.class::isInstance).map(FeedbackSent.class::cast)
                .max(Comparator.comparing(sent -> sent.getEnvelope().getOccurredAt()))
                .orElseThrow(() -> RequestRefusedException.conflict("clueId",
                        "no feedback on " + transfer.clueId() + " has arrived to acknowledge"));
        ClueTransferred sent = (ClueTransferred) transfer.event();
        EventEnvelope envelope = facts.envelope(transfer.clueId(), sent.getEnvelope().getAssertedBy(),
                request.officerId(), request.occurredAt());
        return AssertedFacts.view(facts.assertFact("acknowledgement:" + jurisdictionOf(transfer) + ":"
                + request.recordId(), "recordId", request, new FeedbackAcknowledged(envelope,
                feedback.getEnvelope().getEventId())));
    }

    private OutboxEntry transfer(String clueId, AgencyClient client) {
        OutboxEntry transfer = transferOf(clueId).orElseThrow(() -> RequestRefusedException.notFound("clueId",
                "this adapter's agency transferred no clue " + clueId));
        client.requireJurisdiction(jurisdictionOf(transfer), "clueId");
        return transfer;
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
        Boolean sameContent = received.ofClue(entry.clueId()).stream().map(ReceivedFact::event)
                .filter(ClueReceived.class::isInstance).map(ClueReceived.class::cast).findFirst()
                .map(receipt -> receipt.getContentDigest().equals(transfer.getContentDigest())).orElse(null);
        return new SentClueView(entry.sequence(), entry.clueId(), SentClueId.parse(entry.clueId()).recordId(),
                envelope.getAssertedBy().getJurisdiction(), transfer.getReceiver().getJurisdiction(),
                entry.eventId(), envelope.getOccurredAt(), entry.acceptedAt(), entry.publishedAt(),
                entry.publishedAt() == null ? "QUEUED" : "PUBLISHED", sameContent, histories.of(entry.clueId()));
    }
}
