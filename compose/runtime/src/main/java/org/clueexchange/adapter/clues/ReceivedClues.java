package org.clueexchange.adapter.clues;

import java.util.List;
import java.util.function.BiFunction;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.adapter.received.ReceivedFact;
import org.clueexchange.api.Page;
import org.clueexchange.api.RequestRefusedException;
import org.clueexchange.events.Attachment;
import org.clueexchange.events.ClueAccepted;
import org.clueexchange.events.ClueConcluded;
import org.clueexchange.events.ClueContent;
import org.clueexchange.events.ClueReceived;
import org.clueexchange.events.ClueReturned;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.DisposalDecided;
import org.clueexchange.events.EventEnvelope;
import org.clueexchange.events.FeedbackSent;
import org.clueexchange.events.ProgressReported;
import org.clueexchange.events.ReceiptChannel;
import org.clueexchange.wire.ClueContentDigest;
import org.springframework.stereotype.Component;

/**
 * The clues transferred to this adapter's agency (its inbox), and the facts it asserts about them, always as the
 * agency the transfer named: 签收, 受理, 退回, 处置, 进展, 办结, 反馈. Every action is refused unless the client may act
 * for the jurisdiction the clue was transferred to.
 */
@Component
public final class ReceivedClues {

    private final AssertedFacts facts;
    private final KnownClues clues;

    public ReceivedClues(AssertedFacts facts, KnownClues clues) {
        this.facts = facts;
        this.clues = clues;
    }

    /** Transfers to the client's jurisdictions after the cursor {@code after}, oldest first. */
    public Page<ReceivedFact> transfers(AgencyClient client, long after, int limit) {
        return Page.after(after, clues.receivedAfter(client.jurisdictions(), after, limit), ReceivedFact::sequence);
    }

    /** The clue's transfer, if it was transferred to this adapter's agency and the client may act for it there. */
    public ReceivedFact transfer(String clueId, AgencyClient client) {
        ReceivedFact transfer = clues.received(clueId).orElseThrow(() -> RequestRefusedException.notFound("clueId",
                "no clue " + clueId + " was transferred to this adapter's agencies"));
        client.requireJurisdiction(transfer.concernsJurisdiction(), "clueId");
        return transfer;
    }

    /** Everything both agencies asserted about the clue, as this adapter knows it. */
    public List<FactRecord> history(String clueId) {
        return clues.history(clueId);
    }

    public AssertedFactView receive(String clueId, Requests.Receipt request, AgencyClient client) {
        return assertFact("receipt", clueId, request, client, (transfer, envelope) -> {
            ClueTransferred sent = (ClueTransferred) transfer.event();
            ClueContent held = ClueContent.newBuilder(sent.getContent()).build();
            List<String> signedFor = List.of();
            if (request.receivedAttachments() != null) {
                held.setAttachments(request.receivedAttachments().stream()
                        .map(document -> new Attachment(document.name(), document.sha256())).toList());
                signedFor = request.receivedAttachments().stream().map(Requests.Document::name).toList();
            }
            return new ClueReceived(envelope, sent.getEnvelope().getAssertedBy(), ClueContentDigest.of(held),
                    ReceiptChannel.EXCHANGE, null, signedFor);
        });
    }

    public AssertedFactView accept(String clueId, Requests.Acceptance request, AgencyClient client) {
        return assertFact("acceptance", clueId, request, client,
                (transfer, envelope) -> new ClueAccepted(envelope, request.caseNumber()));
    }

    public AssertedFactView returnClue(String clueId, Requests.Return request, AgencyClient client) {
        return assertFact("return", clueId, request, client,
                (transfer, envelope) -> new ClueReturned(envelope, request.reason(), request.explanation()));
    }

    /** 处置, in the method the adapter's request translated from its agency's terms. */
    public AssertedFactView decideDisposal(String clueId, Requests.DisposalDecision request, AgencyClient client) {
        return assertFact("disposal", clueId, request, client, (transfer, envelope) ->
                new DisposalDecided(envelope, request.disposalMethod(), request.explanation()));
    }

    public AssertedFactView reportProgress(String clueId, Requests.Progress request, AgencyClient client) {
        return assertFact("progress", clueId, request, client,
                (transfer, envelope) -> new ProgressReported(envelope, request.summary()));
    }

    /** 办结, with the outcomes the adapter's request translated from its agency's terms. */
    public AssertedFactView conclude(String clueId, Requests.Conclusion request, AgencyClient client) {
        return assertFact("conclusion", clueId, request, client,
                (transfer, envelope) -> new ClueConcluded(envelope, request.outcomeCounts(), request.summary()));
    }

    /** 反馈 of the results of the agency's latest conclusion of the clue. */
    public AssertedFactView sendFeedback(String clueId, Requests.Feedback request, AgencyClient client) {
        return assertFact("feedback", clueId, request, client, (transfer, envelope) -> {
            ClueConcluded conclusion = clues.latestOurs(transfer.clueId(), ClueConcluded.class)
                    .orElseThrow(() -> RequestRefusedException.conflict("clueId",
                            "conclude " + transfer.clueId() + " before sending feedback on it"));
            return new FeedbackSent(envelope, conclusion.getOutcomes(), request.summary());
        });
    }

    /**
     * Asserts the fact {@code event} makes of the clue's transfer and a fresh envelope, as the agency the transfer
     * named, in the jurisdiction it named, once the client may act there.
     */
    private AssertedFactView assertFact(String operation, String clueId, Requests.Act request, AgencyClient client,
                                        BiFunction<ReceivedFact, EventEnvelope, SpecificRecord> event) {
        ReceivedFact transfer = transfer(clueId, client);
        return facts.assertFact(transfer.concernsJurisdiction(), transfer.clueId(), operation, request,
                envelope -> event.apply(transfer, envelope));
    }
}
