package org.clueexchange.adapter.clues;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.adapter.received.ReceivedFact;
import org.clueexchange.api.Page;
import org.clueexchange.api.RequestRefusedException;
import org.clueexchange.events.Agency;
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
 * The clues in this adapter's agency's inbox, transferred to it through the exchange or signed for outside it
 * (纸质移送), and the facts it asserts about them, always as the agency that received them: 签收, 受理, 退回, 处置,
 * 进展, 办结, 反馈. Every action is refused unless the client may act for the jurisdiction that received the clue.
 */
@Component
public final class ReceivedClues {

    private final AssertedFacts facts;
    private final KnownClues clues;

    public ReceivedClues(AssertedFacts facts, KnownClues clues) {
        this.facts = facts;
        this.clues = clues;
    }

    /**
     * The inbox as the client may read it: the transfers the exchange delivered to its jurisdictions after the cursor
     * {@code after}, oldest first; or, given a sender's case number, every clue in the inbox the client may act for
     * whose transfer or receipt outside the exchange names it, by clue id, at most {@code limit}, the cursor staying
     * where it was (so few clues share a case number that they need no cursor of their own).
     */
    public Page<InboxClue> inbox(AgencyClient client, long after, int limit, String senderCaseNumber) {
        if (senderCaseNumber != null) {
            return new Page<>(clues.inboxNaming(senderCaseNumber, client.jurisdictions()).stream()
                    .filter(clue -> client.mayActFor(clue.jurisdiction())).limit(limit).toList(), after);
        }
        return Page.after(after, clues.receivedAfter(client.jurisdictions(), after, limit), ReceivedFact::sequence)
                .map(clues::inboxOf);
    }

    /** The clue, if it is in this adapter's agency's inbox and the client may act for it there. */
    public InboxClue held(String clueId, AgencyClient client) {
        InboxClue clue = clues.inbox(clueId).orElseThrow(() -> RequestRefusedException.notFound("clueId",
                "no clue " + clueId + " was transferred to this adapter's agencies or signed for outside the "
                        + "exchange"));
        client.requireJurisdiction(clue.jurisdiction(), "clueId");
        return clue;
    }

    /** Everything both agencies asserted about the clue, as this adapter knows it. */
    public List<FactRecord> history(String clueId) {
        return clues.history(clueId);
    }

    /**
     * 签收 of a clue the exchange delivered. A clue the agency signed for outside the exchange needs no second
     * receipt when its transfer arrives: one is refused.
     */
    public AssertedFactView receive(String clueId, Requests.Receipt request, AgencyClient client) {
        return assertFact("receipt", clueId, request, client, (clue, envelope) -> {
            if (clue.receivedOutside() != null) {
                throw RequestRefusedException.conflictsWithRecord("clueId", clueId + " was signed for outside the exchange at "
                        + clue.receivedOutside().getEnvelope().getOccurredAt() + "; it needs no second receipt");
            }
            ClueTransferred sent = (ClueTransferred) clue.transfer().event();
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

    /**
     * 签收 of a clue that reached the agency outside the exchange, under the clue id its sender gave it, which
     * names the sender: the clue then stands in the inbox, awaiting its transfer, and the agency acts on it as on
     * any other. A clue whose transfer the exchange has delivered is signed for as such, unless the agency already
     * signed for it outside the exchange: a retry finds that receipt, and any other receipt is refused.
     */
    public AssertedFactView receiveOutside(Requests.OutsideReceipt request, AgencyClient client) {
        SentClueId sent = SentClueId.read(request.clueId()).orElseThrow(() -> RequestRefusedException.invalid(
                "clueId", "must be " + SentClueId.FORM));
        if (sent.sender() != facts.agency().counterpart()) {
            throw RequestRefusedException.invalid("clueId", "names a clue " + sent.sender() + " transferred; "
                    + facts.agency().type() + " receives clues from " + facts.agency().counterpart() + " only");
        }
        client.requireJurisdiction(request.receiverJurisdiction(), "receiverJurisdiction");
        Optional<InboxClue> held = clues.inbox(request.clueId());
        if (held.isPresent()) {
            client.requireJurisdiction(held.get().jurisdiction(), "clueId");
            if (held.get().receivedOutside() == null) {
                throw RequestRefusedException.conflictsWithRecord("clueId", "the exchange has delivered the "
                        + "transfer of " + request.clueId() + ": sign for it at /api/v1/inbox/" + request.clueId()
                        + "/receipt");
            }
            if (!facts.madeBefore(request.clueId(), "receipt", request, client)) {
                throw RequestRefusedException.conflictsWithRecord("clueId", request.clueId() + " was signed for "
                        + "outside the exchange at " + held.get().receivedOutside().getEnvelope().getOccurredAt()
                        + " already; one receipt stands for a clue");
            }
        }
        List<String> documents = request.documents() == null ? List.of()
                : request.documents().stream().map(Requests.ReceivedDocument::name).toList();
        return facts.assertFact(request.receiverJurisdiction(), request.clueId(), "receipt", request, client,
                envelope -> new ClueReceived(envelope, new Agency(sent.sender(), sent.jurisdiction()),
                        request.contentDigest() == null ? "" : request.contentDigest(), ReceiptChannel.OUTSIDE,
                        request.senderCaseNumber(), documents));
    }

    public AssertedFactView accept(String clueId, Requests.Acceptance request, AgencyClient client) {
        return assertFact("acceptance", clueId, request, client,
                (clue, envelope) -> new ClueAccepted(envelope, request.caseNumber()));
    }

    public AssertedFactView returnClue(String clueId, Requests.Return request, AgencyClient client) {
        return assertFact("return", clueId, request, client,
                (clue, envelope) -> new ClueReturned(envelope, request.reason(), request.explanation()));
    }

    /** 处置, in the method the adapter's request translated from its agency's terms. */
    public AssertedFactView decideDisposal(String clueId, Requests.DisposalDecision request, AgencyClient client) {
        return assertFact("disposal", clueId, request, client, (clue, envelope) ->
                new DisposalDecided(envelope, request.disposalMethod(), request.explanation()));
    }

    public AssertedFactView reportProgress(String clueId, Requests.Progress request, AgencyClient client) {
        return assertFact("progress", clueId, request, client,
                (clue, envelope) -> new ProgressReported(envelope, request.summary()));
    }

    /** 办结, with the outcomes the adapter's request translated from its agency's terms. */
    public AssertedFactView conclude(String clueId, Requests.Conclusion request, AgencyClient client) {
        return assertFact("conclusion", clueId, request, client,
                (clue, envelope) -> new ClueConcluded(envelope, request.outcomeCounts(), request.summary()));
    }

    /** 反馈 of the results of the agency's latest conclusion of the clue. */
    public AssertedFactView sendFeedback(String clueId, Requests.Feedback request, AgencyClient client) {
        return assertFact("feedback", clueId, request, client, (clue, envelope) -> {
            ClueConcluded conclusion = clues.latestOurs(clue.clueId(), ClueConcluded.class)
                    .orElseThrow(() -> RequestRefusedException.notYetPossible("clueId",
                            "conclude " + clue.clueId() + " before sending feedback on it"));
            return new FeedbackSent(envelope, conclusion.getOutcomes(), request.summary());
        });
    }

    /**
     * Asserts the fact {@code event} makes of the clue in the inbox and a fresh envelope, as the agency that received
     * it, in the jurisdiction that received it, once the client may act there.
     */
    private AssertedFactView assertFact(String operation, String clueId, Requests.Act request, AgencyClient client,
                                        BiFunction<InboxClue, EventEnvelope, SpecificRecord> event) {
        InboxClue clue = held(clueId, client);
        return facts.assertFact(clue.jurisdiction(), clue.clueId(), operation, request, client,
                envelope -> event.apply(clue, envelope));
    }
}
