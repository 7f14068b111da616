package org.clueexchange.adapter.clues;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.adapter.AdapterAgency;
import org.clueexchange.adapter.AssertedFacts;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.adapter.outbox.Outbox;
import org.clueexchange.adapter.received.ReceivedFact;
import org.clueexchange.adapter.received.ReceivedFacts;
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
import org.clueexchange.wire.ClueContentDigest;

/**
 * The clues transferred to this adapter's agency (its inbox), and the facts it asserts about them, always as the
 * agency the transfer named: 签收, 受理, 退回, 处置, 进展, 办结, 反馈. Every action is refused unless the client may act
 * for the jurisdiction the clue was transferred to.
 */
public final class ReceivedClues {

    private static final String TRANSFERRED = ClueTransferred.getClassSchema().getName();

    private final AdapterAgency agency;
    private final AssertedFacts facts;
    private final Outbox outbox;
    private final ReceivedFacts received;
    private final ClueHistories histories;

    public ReceivedClues(AdapterAgency agency, AssertedFacts facts, Outbox outbox, ReceivedFacts received) {
        this.agency = agency;
        this.facts = facts;
        this.outbox = outbox;
        this.received = received;
        this.histories = new ClueHistories(outbox, received);
    }

    /** Transfers to the client's jurisdictions after the cursor {@code after}, oldest first. */
    public Page<ReceivedFact> transfers(AgencyClient client, long after, int limit) {
        return Page.after(after, received.page(TRANSFERRED, client.jurisdictions(), after, limit),
                ReceivedFact::sequence);
    }

    /** The clue's transfer, if it was transferred to this adapter's agency and the client may act for it there. */
    public ReceivedFact transfer(String clueId, AgencyClient client) {
        ReceivedFact transfer = received.ofClue(clueId).stream()
                .filter(fact -> fact.event() instanceof ClueTransferred).findFirst()
                .orElseThrow(() -> RequestRefusedException.notFound("clueId",
                        "no clue " + clueId + " was transferred to this adapter's agencies"));
        client.requireJurisdiction(transfer.concernsJurisdiction(), "clueId");
        return transfer;
    }

    /** Everything both agencies asserted about the clue, as this adapter knows it. */
    public List<FactRecord> history(String clueId) {
        return histories.of(clueId);
    }

    public AssertedFactView receive(String clueId, Requests.Receipt request, AgencyClient client) {
        ReceivedFact transfer = transfer(clueId, client);
        ClueTransferred sent = (ClueTransferred) transfer.event();
        ClueContent held = ClueContent.newBuilder(sent.getContent()).build();
        if (request.receivedAttachments() != null) {
            held.setAttachments(request.receivedAttachments().stream()
                    .map(document -> new Attachment(document.name(), document.sha256())).toList());
        }
        return assertFact("receipt", transfer, request.recordId(), request, new ClueReceived(
                envelope(transfer, request.officerId(), request.occurredAt()), sent.getEnvelope().getAssertedBy(),
                ClueContentDigest.of(held)));
    }

    public AssertedFactView accept(String clueId, Requests.Acceptance request, AgencyClient client) {
        ReceivedFact transfer = transfer(clueId, client);
        return assertFact("acceptance", transfer, request.recordId(), request, new ClueAccepted(
                envelope(transfer, request.officerId(), request.occurredAt()), request.caseNumber()));
    }

    public AssertedFactView returnClue(String clueId, Requests.Return request, AgencyClient client) {
        ReceivedFact transfer = transfer(clueId, client);
        return assertFact("return", transfer, request.recordId(), request, new ClueReturned(
                envelope(transfer, request.officerId(), request.occurredAt()), request.reason(),
                request.explanation()));
    }

    /** 处置, in the method the adapter's request translated from its agency's terms. */
    public AssertedFactView decideDisposal(String clueId, Requests.DisposalDecision request, AgencyClient client) {
        ReceivedFact transfer = transfer(clueId, client);
        return assertFact("disposal", transfer, request.recordId(), request, new DisposalDecided(
                envelope(transfer, request.officerId(), request.occurredAt()), request.disposalMethod(),
                request.explanation()));
    }

    public AssertedFactView reportProgress(String clueId, Requests.Progress request, AgencyClient client) {
        ReceivedFact transfer = transfer(clueId, client);
        return assertFact("progress", transfer, request.recordId(), request, new ProgressReported(
                envelope(transfer, request.officerId(), request.occurredAt()), request.summary()));
    }

    /** 办结, with the outcomes the adapter's request translated from its agency's terms. */
    public AssertedFactView conclude(String clueId, Requests.Conclusion request, AgencyClient client) {
        ReceivedFact transfer = transfer(clueId, client);
        return assertFact("conclusion", transfer, request.recordId(), request, new ClueConcluded(
                envelope(transfer, request.officerId(), request.occurredAt()), request.outcomeCounts(),
                request.summary()));
    }

    /** 反馈 of the results of the agency's latest conclusion of the clue. */
    public AssertedFactView sendFeedback(String clueId, Requests.Feedback request, AgencyClient client) {
        ReceivedFact transfer = transfer(clueId, client);
        ClueConcluded conclusion = outbox.ofClue(transfer.clueId()).stream()
                .map(entry -> entry.event()).filter(ClueConcluded.class::isInstance).map(ClueConcluded.class::cast)
                .max(Comparator.comparing(concluded -> concluded.getEnvelope().getOccurredAt()))
                .orElseThrow(() -> RequestRefusedException.conflict("clueId",
                        "conclude " + transfer.clueId() + " before sending feedback on it"));
        return assertFact("feedback", transfer, request.recordId(), request, new FeedbackSent(
                envelope(transfer, request.officerId(), request.occurredAt()), conclusion.getOutcomes(),
                request.summary()));
    }

    /** A fact asserted as the agency the transfer named, in the jurisdiction it named. */
    private EventEnvelope envelope(ReceivedFact transfer, String officerId, Instant occurredAt) {
        return facts.envelope(transfer.clueId(), new Agency(agency.type(), transfer.concernsJurisdiction()),
                officerId, occurredAt);
    }

    private AssertedFactView assertFact(String operation, ReceivedFact transfer, String recordId, Object request,
                                        SpecificRecord event) {
        return AssertedFacts.view(facts.assertFact(operation + ":" + transfer.concernsJurisdiction() + ":" + recordId,
                "recordId", request, event));
    }
}
