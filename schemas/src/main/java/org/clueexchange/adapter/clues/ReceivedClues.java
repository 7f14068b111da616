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
import org.clueexchange.api.InvalidRequestException;
import org.clueexchange.api.Page;
import org.clueexchange.events.Agency;
import org.clueexchange.events.Attachment;
import org.clueexchange.events.ClueAccepted;
import org.clueexchange.events.ClueConcluded;
import org.clueexchange.events.ClueContent;
import org.clueexchange.events.ClueReceived;
import org.clueexchange.events.ClueReturned;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.DisposalDecided;
import org.clueexchange.events.DisposalMethod;
import org.clueexchange.events.EventEnvelope;
import org.clueexchange.events.FeedbackSent;
import org.clueexchange.events.OutcomeCount;
import org.clueexchange.events.ProgressReported;
import org.clueexchange.wire.ClueContentDigest;
import org.springframework.http.HttpStatus;

/**
 * The clues transferred to this adapter's agency, and the facts it asserts about them, always as the agency the
 * transfer named: 签收, 受理, 退回, 处置, 进展, 办结, 反馈.
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

    /** Transfers to jurisdictions within {@code scopes} after the cursor {@code after}, oldest first. */
    public Page<ReceivedFact> transfers(List<String> scopes, long after, int limit) {
        List<ReceivedFact> transfers = received.page(TRANSFERRED, scopes, after, limit);
        return new Page<>(transfers, transfers.isEmpty() ? after : transfers.get(transfers.size() - 1).sequence());
    }

    /** The clue's transfer, if it was transferred to this adapter's agency and the client may act for it there. */
    public ReceivedFact transfer(String clueId, AgencyClient client) {
        ReceivedFact transfer = received.ofClue(clueId).stream()
                .filter(fact -> fact.event() instanceof ClueTransferred).findFirst()
                .orElseThrow(() -> InvalidRequestException.of(HttpStatus.NOT_FOUND, "clueId",
                        "no clue " + clueId + " was transferred to this adapter's agencies"));
        client.requireJurisdiction(transfer.concernsJurisdiction(), "clueId");
        return transfer;
    }

    public List<FactRecord> history(String clueId) {
        return histories.of(clueId);
    }

    public AssertedFactView receive(ReceivedFact transfer, Requests.Receipt request) {
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

    public AssertedFactView accept(ReceivedFact transfer, Requests.Acceptance request) {
        return assertFact("acceptance", transfer, request.recordId(), request, new ClueAccepted(
                envelope(transfer, request.officerId(), request.occurredAt()), request.caseNumber()));
    }

    public AssertedFactView returnClue(ReceivedFact transfer, Requests.Return request) {
        return assertFact("return", transfer, request.recordId(), request, new ClueReturned(
                envelope(transfer, request.officerId(), request.occurredAt()), request.reason(),
                request.explanation()));
    }

    /** 处置, in the method the adapter translated from its agency's terms. */
    public AssertedFactView decideDisposal(ReceivedFact transfer, String recordId, String officerId,
                                           Instant occurredAt, DisposalMethod method, String explanation,
                                           Object request) {
        return assertFact("disposal", transfer, recordId, request, new DisposalDecided(
                envelope(transfer, officerId, occurredAt), method, explanation));
    }

    public AssertedFactView reportProgress(ReceivedFact transfer, Requests.Progress request) {
        return assertFact("progress", transfer, request.recordId(), request, new ProgressReported(
                envelope(transfer, request.officerId(), request.occurredAt()), request.summary()));
    }

    /** 办结, with the outcomes the adapter translated from its agency's terms. */
    public AssertedFactView conclude(ReceivedFact transfer, String recordId, String officerId, Instant occurredAt,
                                     List<OutcomeCount> outcomes, String summary, Object request) {
        return assertFact("conclusion", transfer, recordId, request, new ClueConcluded(
                envelope(transfer, officerId, occurredAt), outcomes, summary));
    }

    /** 反馈 of the results of the agency's latest conclusion of the clue. */
    public AssertedFactView sendFeedback(ReceivedFact transfer, Requests.Feedback request) {
        ClueConcluded conclusion = outbox.ofClue(transfer.clueId()).stream()
                .map(entry -> entry.event()).filter(ClueConcluded.class::isInstance).map(ClueConcluded.class::cast)
                .max(Comparator.comparing(concluded -> concluded.getEnvelope().getOccurredAt()))
                .orElseThrow(() -> InvalidRequestException.of(HttpStatus.CONFLICT, "clueId",
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
