package org.clueexchange.core.reconciliation.monthly;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** A statement as issued, with who confirmed it, the confirmations refused and the notes resolving its breaks. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MonthlyStatementView(String statementId, String jurisdiction, String period, int revision,
                                   String digest, Status status, Instant issuedAt, String issuedBy,
                                   List<Confirmation> confirmations, List<Refusal> refusals,
                                   List<Resolution> resolutions, StatementContent content) {

    public enum Status {
        ISSUED("已出具 issued"),
        PARTLY_CONFIRMED("一方已确认 confirmed by one agency"),
        CONFIRMED("双方已确认 confirmed by both agencies");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** An agency's confirmation: the officer who confirmed, when, and when it reached the core. */
    public record Confirmation(String agency, String actor, Instant occurredAt, Instant recordedAt) {
    }

    public record Refusal(String agency, String actor, String digest, String reason, Instant recordedAt) {
    }

    public record Resolution(String clueId, BreakCategory category, String note, String resolvedBy,
                             Instant resolvedAt) {
    }
}
