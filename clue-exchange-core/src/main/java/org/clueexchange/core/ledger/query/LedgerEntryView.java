package org.clueexchange.core.ledger.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.clueexchange.core.ledger.AnomalyKind;
import org.clueexchange.core.ledger.Direction;
import org.clueexchange.core.ledger.FactKind;
import org.clueexchange.core.ledger.LedgerState;
import org.clueexchange.core.ledger.SlaClock;
import org.clueexchange.core.ledger.TimeLimit;
import org.clueexchange.core.ledger.messages.AgencyId;
import org.clueexchange.core.ledger.messages.OutcomeTally;
import org.clueexchange.core.ledger.messages.TransferredClue;
import org.clueexchange.events.AllegationCategory;
import org.clueexchange.events.ClueSource;
import org.clueexchange.events.DisposalMethod;
import org.clueexchange.events.Priority;
import org.clueexchange.events.ReceiptChannel;
import org.clueexchange.events.ReturnReason;
import org.clueexchange.events.SupervisionKind;

/**
 * One clue as the ledger shows it: what the sender recorded and what the receiver recorded, side by side, each
 * side's timeline, the time limits and the anomalies.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LedgerEntryView(String clueId, Direction direction, String directionLabel, LedgerState state,
                              String stateLabel, AgencyId sender, AgencyId receiver, SenderRecord senderRecord,
                              ReceiverRecord receiverRecord, Supervision supervision, List<ClockView> clocks,
                              List<AnomalyView> anomalies, Timelines timelines) {

    /**
     * The sender's record (移送方记录); absent while the transfer has not reached the ledger.
     *
     * @param caseNumber the sender's own case number, as the transfer names it (移送方案号)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SenderRecord(String eventId, Instant transferredAt, Instant publishedAt, String actor,
                               ClueSource source, AllegationCategory allegation, Priority priority,
                               String caseNumber, TransferredClue.GangCase linkedGangCase, String summary,
                               List<TransferredClue.Subject> subjects, String contentDigest,
                               Instant feedbackAcknowledgedAt) {

        SenderRecord withSubjects(List<TransferredClue.Subject> people) {
            return new SenderRecord(eventId, transferredAt, publishedAt, actor, source, allegation, priority,
                    caseNumber, linkedGangCase, summary, people, contentDigest, feedbackAcknowledgedAt);
        }
    }

    /**
     * The receiver's record (接收方记录); its fields stay empty until the receiver asserts them.
     *
     * @param receiptChannel   how the clue reached the receiver: through the exchange, or outside it (纸质移送)
     * @param senderCaseNumber the sender's case number as the receipt names it, from the transfer letter
     * @param documents        the documents the receiver signed for
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReceiverRecord(String receiptEventId, Instant receivedAt, String receiptActor,
                                 ReceiptChannel receiptChannel, String receiptChannelLabel, String senderCaseNumber,
                                 List<String> documents, String contentDigest, String acceptanceEventId,
                                 Instant acceptedAt, String acceptanceActor, String receiverCaseNumber,
                                 Instant returnedAt, ReturnReason returnReason, String returnExplanation,
                                 Instant disposedAt, DisposalMethod disposalMethod, Instant lastProgressAt,
                                 String lastProgress, Instant concludedAt, String conclusionSummary,
                                 List<OutcomeTally> outcomes, Instant feedbackAt, String feedbackSummary,
                                 List<OutcomeTally> feedbackOutcomes) {

        ReceiverRecord withOutcomes(List<OutcomeTally> concluded, List<OutcomeTally> fedBack) {
            return new ReceiverRecord(receiptEventId, receivedAt, receiptActor, receiptChannel, receiptChannelLabel,
                    senderCaseNumber, documents, contentDigest, acceptanceEventId, acceptedAt, acceptanceActor,
                    receiverCaseNumber, returnedAt, returnReason, returnExplanation, disposedAt, disposalMethod,
                    lastProgressAt, lastProgress, concludedAt, conclusionSummary, concluded, feedbackAt,
                    feedbackSummary, fedBack);
        }
    }

    /** The latest supervision or escalation ordered (督办, 提级办理). */
    public record Supervision(SupervisionKind kind, Instant orderedAt, String escalatedTo) {
    }

    /** A time limit and how it stands ({@link TimeLimit.Status}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClockView(SlaClock clock, String label, Instant dueAt, TimeLimit.Status status,
                            Instant fulfilledAt) {
    }

    public record AnomalyView(AnomalyKind kind, String label, String factEventId, String relatedEventId,
                              String detail) {
    }

    /** Each side's facts in the order they occurred. */
    public record Timelines(List<TimelineFact> sender, List<TimelineFact> receiver) {
    }

    public record TimelineFact(String eventId, FactKind fact, String label, String assertedBy, String actor,
                               Instant occurredAt, Instant publishedAt) {
    }
}
