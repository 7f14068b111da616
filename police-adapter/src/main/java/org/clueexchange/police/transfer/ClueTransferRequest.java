package org.clueexchange.police.transfer;

import static org.clueexchange.adapter.ApiFields.JURISDICTION;
import static org.clueexchange.adapter.ApiFields.JURISDICTION_RULE;
import static org.clueexchange.adapter.ApiFields.RECORD_ID;
import static org.clueexchange.adapter.ApiFields.RECORD_ID_RULE;
import static org.clueexchange.adapter.ApiFields.SHA256;
import static org.clueexchange.adapter.ApiFields.SHA256_RULE;
import static org.clueexchange.adapter.ApiFields.TOO_MANY_ENTRIES;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.clueexchange.adapter.clues.Requests;
import org.clueexchange.adapter.clues.TransferDraft;
import org.clueexchange.api.FactTime;
import org.clueexchange.api.FreeText;
import org.clueexchange.api.IdNumber;
import org.clueexchange.api.NoRepeats;
import org.clueexchange.api.OfficerId;
import org.clueexchange.api.ShortText;
import org.clueexchange.events.AllegationCategory;
import org.clueexchange.events.ClueSource;
import org.clueexchange.events.GangCaseReference;
import org.clueexchange.events.GangCaseType;
import org.clueexchange.events.OfficialRank;
import org.clueexchange.events.Subject;
import org.clueexchange.wire.ContractLimits;
import org.clueexchange.wire.PersonKeys;

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
 * @param suspects             the gang's members the case concerns (涉案犯罪嫌疑人), by name
 */
public record ClueTransferRequest(
        @NotBlank @Pattern(regexp = RECORD_ID, message = RECORD_ID_RULE) String recordId,
        @NotNull @Pattern(regexp = JURISDICTION, message = JURISDICTION_RULE) String jurisdiction,
        @OfficerId String officerId,
        @FactTime Instant occurredAt,
        @NotNull @Pattern(regexp = JURISDICTION, message = JURISDICTION_RULE) String receiverJurisdiction,
        @NotNull @ShortText(max = ContractLimits.CASE_NUMBER) String caseNumber,
        @NotNull GangCaseType caseType,
        @NotNull AllegationCategory allegation,
        ClueSource source,
        boolean urgent,
        @NotEmpty @Size(max = ContractLimits.SUBJECTS, message = TOO_MANY_ENTRIES) @Valid
        List<@NotNull OfficialNamed> officials,
        @Size(max = ContractLimits.SUSPECTS, message = TOO_MANY_ENTRIES)
        List<@NotNull @ShortText(max = ContractLimits.PERSON_NAME) String> suspects,
        @NotNull @FreeText(max = ContractLimits.CLUE_SUMMARY) String summary,
        @Valid @Size(max = ContractLimits.ATTACHMENTS, message = TOO_MANY_ENTRIES) @NoRepeats(of = "name")
        List<@NotNull Attachment> attachments) implements Requests.Transfer {

    /**
     * The transfer in the exchange's terms: the case it came from is the clue's linked gang case, and an official
     * whose ID number is given is named by person key, which links the clue to the official the case names.
     */
    @Override
    public TransferDraft draft(PersonKeys personKeys) {
        return new TransferDraft(recordId, jurisdiction, officerId, occurredAt, receiverJurisdiction,
                TransferDraft.content(source == null ? ClueSource.OWN_DISCOVERY : source, allegation, urgent,
                        officials.stream().map(official -> new Subject(official.name(), official.unit(),
                                official.rank(), official.role(), official.idNumber() == null ? null
                                : personKeys.of(official.idNumber()))).toList(),
                        suspects == null ? List.of() : suspects, new GangCaseReference(caseNumber, caseType),
                        summary, attachments == null ? List.of() : attachments.stream().map(attachment ->
                                new org.clueexchange.events.Attachment(attachment.name(), attachment.sha256()))
                                .toList()));
    }

    /**
     * A public official named in the case (涉案公职人员).
     *
     * @param idNumber their resident ID number (居民身份证号), if known: only its person key leaves the adapter
     */
    public record OfficialNamed(@NotNull @ShortText(max = ContractLimits.PERSON_NAME) String name,
                                @NotNull @ShortText(max = ContractLimits.WORK_UNIT) String unit,
                                @NotNull OfficialRank rank,
                                @ShortText(max = ContractLimits.ROLE) String role,
                                @IdNumber String idNumber) {

        /** Without the ID number, which no log may show. */
        @Override
        public String toString() {
            return "OfficialNamed[name=" + name + ", unit=" + unit + ", rank=" + rank + ", role=" + role + "]";
        }
    }

    /** A document of the case file sent with the clue, identified by its SHA-256. */
    public record Attachment(@NotNull @ShortText(max = ContractLimits.DOCUMENT_NAME) String name,
                             @NotNull @Pattern(regexp = SHA256, message = SHA256_RULE) String sha256) {
    }
}
