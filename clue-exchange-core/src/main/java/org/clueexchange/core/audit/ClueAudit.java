package org.clueexchange.core.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.clueexchange.core.ledger.LedgerState;
import org.clueexchange.core.ledger.messages.AgencyId;

/**
 * The audit of one clue (线索审计): every record the agencies' topics hold of it, as read from the topics, with
 * where it lies, which schema wrote it, who signed it and whether the signature holds, whether the exchange refused
 * it; beside each fact what the core derived from it; and the breaks of the statements that list the clue.
 *
 * @param sender   as the ledger shows the clue, none while the clue is not on it
 * @param state    where the clue stands on the ledger now
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClueAudit(String clueId, Instant auditedAt, AgencyId sender, AgencyId receiver, LedgerState state,
                        String stateLabel, List<AuditedRecord> records,
                        List<StatementBreak> breaks) {

    public ClueAudit {
        records = List.copyOf(records);
        breaks = List.copyOf(breaks);
    }

    /**
     * One record of the clue on an agency topic, in the order of the topics and their offsets.
     *
     * @param appendedAt        when the broker appended it (the record's timestamp)
     * @param schemaFingerprint the writer schema's CRC-64-AVRO fingerprint, bytes 2–9 of the single-object encoding,
     *                          in hex; none for bytes that are no single-object encoding
     * @param eventId           the fact's event id; none for a record that holds no event of the contract
     * @param recordedAt        when the ledger recorded the fact (its event's time in the event store, which the
     *                          ledger's {@code recorded_at} is); none for a fact the ledger holds no event of
     * @param signingKeyId      the key id of its origin signature header, if it has a readable one
     * @param signatureRefusal  why the origin signature does not count, or why it could not be read
     * @param refusal           why the exchange refused the record (its dead letter's reason), or why it holds
     *                          no fact
     * @param refusedBy         the consumer group that dead-lettered it
     * @param stateAfter        where the clue stood on the ledger once the fact was recorded
     * @param derived           what the ledger entry recorded because of the fact, by event id
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AuditedRecord(String topic, int partition, long offset, Instant appendedAt,
                                String schemaFingerprint, String eventType, String eventId, AgencyId assertedBy,
                                String actor, Instant occurredAt, Instant publishedAt, Instant recordedAt,
                                String signingKeyId, SignatureStatus signature, String signatureLabel,
                                String signatureRefusal, String refusal, String refusedBy, LedgerState stateAfter,
                                List<DerivedEvent> derived) {

        public AuditedRecord {
            derived = List.copyOf(derived);
        }
    }

    /** Whether a record's origin signature verified against the trusted agency keys. */
    public enum SignatureStatus {
        VERIFIED("已验证 verified"),
        REFUSED("未通过 refused"),
        NOT_CHECKED("未验证 not checked");

        private final String label;

        SignatureStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * An event of the clue's ledger entry, as the event store holds it.
     *
     * @param type   the event's type, e.g. {@code SlaClockStarted}
     * @param label  what it says, in Chinese with English beside
     */
    public record DerivedEvent(String eventId, long sequence, Instant at, String type, String label) {
    }

    /** A break a statement lists on the clue, as the statement's latest revision says. */
    public record StatementBreak(String statementId, int revision, String status, String category) {
    }
}
