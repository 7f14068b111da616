package org.clueexchange.police.transfer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.clueexchange.events.AllegationCategory;
import org.clueexchange.events.ClueSource;
import org.clueexchange.events.GangCaseType;
import org.clueexchange.events.OfficialRank;

/**
 * A police organ transfers a clue found in a gang case to a discipline commission (问题线索移送), in the terms of
 * its case system.
 *
 * @param recordId             the case system's own id of this transfer; a retry repeats it and transfers nothing
 *                             twice
 * @param jurisdiction         the transferring police organ (GB/T 2260 code)
 * @param officerId            the officer handling the transfer (经办民警)
 * @param occurredAt           when it was transferred; now if absent
 * @param receiverJurisdiction the discipline commission it goes to
 * @param caseNumber           the gang case it was found in (案件编号)
 * @param officials            the public officials the clue names (涉案公职人员)
 */
public record ClueTransferRequest(
        @NotBlank @Pattern(regexp = RECORD_ID, message = RECORD_ID_RULE) String recordId,
        @NotNull @Pattern(regexp = JURISDICTION, message = JURISDICTION_RULE) String jurisdiction,
        @NotBlank @Size(max = 64) String officerId,
        Instant occurredAt,
        @NotNull @Pattern(regexp = JURISDICTION, message = JURISDICTION_RULE) String receiverJurisdiction,
        @NotBlank @Size(max = 64) String caseNumber,
        @NotNull GangCaseType caseType,
        @NotNull AllegationCategory allegation,
        ClueSource source,
        boolean urgent,
        @NotEmpty @Valid List<@NotNull OfficialNamed> officials,
        @NotBlank @Size(max = 20000) String summary,
        @Valid List<@NotNull Attachment> attachments) {

    static final String RECORD_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    static final String RECORD_ID_RULE = "must be 1-64 of A-Z a-z 0-9 . _ - and start with a letter or digit";
    static final String JURISDICTION = "[1-8][0-9]{5}";
    static final String JURISDICTION_RULE = "must be a six-digit GB/T 2260 code";

    /** A public official named in the case (涉案公职人员). */
    public record OfficialNamed(@NotBlank @Size(max = 100) String name,
                                @NotBlank @Size(max = 200) String unit,
                                @NotNull OfficialRank rank,
                                @Size(max = 100) String role) {
    }

    /** A document of the case file sent with the clue, identified by its SHA-256. */
    public record Attachment(@NotBlank @Size(max = 255) String name,
                             @NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits")
                             String sha256) {
    }
}
