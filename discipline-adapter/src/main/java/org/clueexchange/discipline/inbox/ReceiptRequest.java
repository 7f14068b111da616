package org.clueexchange.discipline.inbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * The commission signs for a transferred clue (签收).
 *
 * @param recordId            the clue management system's own id of this receipt; a retry repeats it
 * @param officerId           the cadre who signed for it
 * @param occurredAt          when it was signed for; now if absent
 * @param receivedAttachments the documents that actually arrived, if the system checked them; the receipt's
 *                            content digest is then computed with these instead of the announced ones
 */
public record ReceiptRequest(
        @NotBlank @Pattern(regexp = InboxRequests.RECORD_ID, message = InboxRequests.RECORD_ID_RULE) String recordId,
        @NotBlank @Size(max = 64) String officerId,
        Instant occurredAt,
        @Valid List<@NotNull ReceivedDocument> receivedAttachments) {

    /** A document as it arrived, with the SHA-256 of the bytes received. */
    public record ReceivedDocument(@NotBlank @Size(max = 255) String name,
                                   @NotNull @Pattern(regexp = "[0-9a-f]{64}",
                                           message = "must be 64 lower-case hex digits") String sha256) {
    }
}
