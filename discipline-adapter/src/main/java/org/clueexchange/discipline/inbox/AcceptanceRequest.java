package org.clueexchange.discipline.inbox;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * The commission takes a transferred clue on (受理) under its own number.
 *
 * @param recordId   the clue management system's own id of this acceptance; a retry repeats it
 * @param caseNumber the commission's number for the clue (受理编号)
 */
public record AcceptanceRequest(
        @NotBlank @Pattern(regexp = InboxRequests.RECORD_ID, message = InboxRequests.RECORD_ID_RULE) String recordId,
        @NotBlank @Size(max = 64) String officerId,
        Instant occurredAt,
        @NotBlank @Size(max = 64) String caseNumber) {
}
