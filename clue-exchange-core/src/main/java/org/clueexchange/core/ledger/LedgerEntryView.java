package org.clueexchange.core.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.clueexchange.events.AllegationCategory;
import org.clueexchange.events.ClueSource;
import org.clueexchange.events.Priority;

/** One clue as the ledger shows it: what the sender recorded and what the receiver recorded, side by side. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LedgerEntryView(String clueId, Direction direction, String directionLabel, LedgerState state,
                              String stateLabel, AgencyId sender, AgencyId receiver, SenderRecord senderRecord,
                              ReceiverRecord receiverRecord, List<AnomalyView> anomalies,
                              List<TimelineFact> timeline) {

    /** The sender's record (移送方记录); absent while the transfer has not reached the ledger. */
    public record SenderRecord(String eventId, Instant transferredAt, Instant publishedAt, String actor,
                               ClueSource source, AllegationCategory allegation, Priority priority,
                               TransferredClue.GangCase linkedGangCase, String summary,
                               List<TransferredClue.Subject> subjects, String contentDigest) {

        SenderRecord withSubjects(List<TransferredClue.Subject> people) {
            return new SenderRecord(eventId, transferredAt, publishedAt, actor, source, allegation, priority,
                    linkedGangCase, summary, people, contentDigest);
        }
    }

    /** The receiver's record (接收方记录); its fields stay empty until the receiver asserts them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReceiverRecord(String receiptEventId, Instant receivedAt, String receiptActor,
                                 String contentDigest, String acceptanceEventId, Instant acceptedAt,
                                 String acceptanceActor, String receiverCaseNumber) {
    }

    public record AnomalyView(AnomalyKind kind, String label, String factEventId, String relatedEventId,
                              String detail) {
    }

    public record TimelineFact(String eventId, LedgerFact fact, String label, FactSide side, String assertedBy,
                               String actor, Instant occurredAt, Instant publishedAt) {
    }
}
