package org.clueexchange.core.reconciliation.monthly.statement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.clueexchange.core.ledger.Direction;
import org.clueexchange.core.ledger.LedgerState;
import org.clueexchange.core.ledger.messages.AgencyId;
import org.clueexchange.core.reconciliation.statement.AgingBucket;
import org.clueexchange.events.DisposalMethod;
import org.clueexchange.events.ReceiptChannel;
import org.clueexchange.events.ReturnReason;

/**
 * One clue on a monthly statement: what the sender recorded and what the receiver recorded, side by side, as of the
 * period's end, and the breaks between them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatementLine(String clueId, Direction direction, AgencyId sender, AgencyId receiver,
                            LedgerState state, SenderRecord senderRecord, ReceiverRecord receiverRecord,
                            List<Break> breaks) {

    /** 移送方记录. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SenderRecord(Instant transferredAt, String contentDigest, Instant feedbackAcknowledgedAt) {
    }

    /**
     * 接收方记录.
     *
     * @param receiptChannel how the clue came, where it came outside the exchange (纸质移送); absent for a clue that
     *                       came through it, so that a statement says of those what it said before channels existed
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReceiverRecord(Instant receivedAt, ReceiptChannel receiptChannel, String contentDigest,
                                 Instant acceptedAt, String caseNumber,
                                 Instant returnedAt, ReturnReason returnReason, Instant disposedAt,
                                 DisposalMethod disposalMethod, Instant concludedAt, Instant feedbackAt) {
    }

    /**
     * A disagreement, who must act on it, since when, and how old it is at the period's end.
     *
     * @param detail for sequence anomalies: which anomaly
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Break(BreakCategory category, String label, SideToAct sideToAct, Instant since, long ageDays,
                        AgingBucket aging, String detail) {
    }
}
