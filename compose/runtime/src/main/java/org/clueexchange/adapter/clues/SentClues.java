package org.clueexchange.adapter.clues;

import java.time.Duration;
import java.util.List;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.adapter.outbox.OutboxEntry;
import org.clueexchange.adapter.outbox.RequestKey;
import org.clueexchange.api.Page;
import org.clueexchange.api.RequestRefusedException;
import org.clueexchange.events.Agency;
import org.clueexchange.events.ClueReceived;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.EventEnvelope;
import org.clueexchange.events.FeedbackAcknowledged;
import org.clueexchange.events.FeedbackSent;
import org.clueexchange.wire.ClueContentDigest;
import org.clueexchange.wire.PersonKeys;
import org.springframework.stereotype.Component;

/**
 * The clues this adapter's agency transfers: sending them, following them, and what it asserts about them
 * afterwards. Every action is refused unless the client may act for the jurisdiction that sent the clue.
 */
@Component
public final class SentClues {

    /**
     * When to ask again for feedback that has not arrived: feedback the receiver sent reaches this adapter within
     * seconds, and a system that retries on its own should not poll for feedback that was never sent.
     */
    private static final Duration FEEDBACK_IN_TRANSIT = Duration.ofMinutes(1);

    private final AssertedFacts facts;
    private final KnownClues clues;
    private final PersonKeys personKeys;

    public SentClues(AssertedFacts facts, KnownClues clues, PersonKeys personKeys) {
        this.facts = facts;
        this.clues = clues;
        this.personKeys = personKeys;
    }

    /**
     * Transfers the clue, if the client may act for the transferring jurisdiction; {@code request} is what the
     * agency system sent, so that a retry finds this answer.
     */
    public SentClueView transfer(Requests.Transfer request, AgencyClient client) {
        TransferDraft draft = request.draft(personKeys);
        client.requireJurisdiction(draft.jurisdiction(), "jurisdiction");
        String clueId = new SentClueId(facts.agency().type(), draft.jurisdiction(), draft.recordId()).toString();
        EventEnvelope envelope = facts.envelope(clueId, draft.jurisdiction(), draft.officerId(), draft.occurredAt());
        ClueTransferred transfer = new ClueTransferred(envelope,
                new Agency(facts.agency().counterpart(), draft.receiverJurisdiction()), draft.content(),
                ClueContentDigest.of(draft.content()));
        OutboxEntry stored = facts.store(new RequestKey(client.id(), "transfer", draft.recordId()), request, transfer);
        // A transfer just stored is the first fact of its clue: the other agency's facts about a clue are kept only
        // once this adapter holds one of it (ReceivedFactIntake), so reading the clue back would find only this.
        return stored.created() ? view(stored, false, null, List.of(KnownClues.ours(stored)))
                : view(stored, true);
    }

    /** Transfers after the cursor that the client may see; the cursor moves past all read. */
    public Page<SentClueView> page(long after, int limit, AgencyClient client) {
        return Page.after(after, clues.sentAfter(after, limit), OutboxEntry::sequence)
                .filter(entry -> client.mayActFor(jurisdictionOf(entry))).map(entry -> view(entry, null));
    }

    /** One transfer with everything known of it since, if the client may act for the jurisdiction that sent it. */
    public SentClueView one(String clueId, AgencyClient client) {
        return view(transfer(clueId, client), null);
    }

    /** 反馈确认 of the latest feedback the receiver sent. */
    public AssertedFactView acknowledgeFeedback(String clueId, Requests.Acknowledgement request,
                                                AgencyClient client) {
        OutboxEntry transfer = transfer(clueId, client);
        FeedbackSent feedback = clues.latestTheirs(transfer.clueId(), FeedbackSent.class)
                .orElseThrow(() -> RequestRefusedException.notYetPossible("clueId",
                        "no feedback on " + transfer.clueId() + " has arrived to acknowledge", FEEDBACK_IN_TRANSIT));
        return facts.assertFact(jurisdictionOf(transfer), transfer.clueId(), "acknowledgement", request, client,
                envelope -> new FeedbackAcknowledged(envelope, feedback.getEnvelope().getEventId()));
    }

    private OutboxEntry transfer(String clueId, AgencyClient client) {
        OutboxEntry transfer = clues.sent(clueId).orElseThrow(() -> RequestRefusedException.notFound("clueId",
                "this adapter's agency transferred no clue " + clueId));
        client.requireJurisdiction(jurisdictionOf(transfer), "clueId");
        return transfer;
    }

    private static String jurisdictionOf(OutboxEntry transfer) {
        return ((ClueTransferred) transfer.event()).getEnvelope().getAssertedBy().getJurisdiction();
    }

    /** @param replay whether a transfer request repeated an earlier one; null for a view that answers none */
    private SentClueView view(OutboxEntry entry, Boolean replay) {
        ClueTransferred transfer = (ClueTransferred) entry.event();
        Boolean sameContent = clues.firstTheirs(entry.clueId(), ClueReceived.class).flatMap(ClueContentDigest::heldBy)
                .map(held -> held.equals(transfer.getContentDigest())).orElse(null);
        return view(entry, replay, sameContent, clues.history(entry.clueId()));
    }

    private static SentClueView view(OutboxEntry entry, Boolean replay, Boolean sameContent,
                                     List<FactRecord> history) {
        ClueTransferred transfer = (ClueTransferred) entry.event();
        EventEnvelope envelope = transfer.getEnvelope();
        return new SentClueView(entry.sequence(), entry.clueId(), SentClueId.parse(entry.clueId()).recordId(),
                envelope.getAssertedBy().getJurisdiction(), transfer.getReceiver().getJurisdiction(),
                entry.eventId(), envelope.getOccurredAt(), entry.acceptedAt(), entry.publishedAt(),
                entry.publication(), replay, sameContent, history);
    }
}
