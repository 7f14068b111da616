package org.clueexchange.discipline.transfer;

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
import org.clueexchange.events.Attachment;
import org.clueexchange.events.ClueSource;
import org.clueexchange.events.OfficialRank;
import org.clueexchange.events.Subject;
import org.clueexchange.wire.ContractLimits;
import org.clueexchange.wire.PersonKeys;
import org.clueexchange.wire.SenderCaseNumbers;

/**
 * A discipline commission transfers to the police a clue of gang crime (涉黑涉恶问题线索) it found while
 * investigating officials, in the terms of its clue management system.
 *
 * @param recordId             the system's own id of this transfer; a retry repeats it and transfers nothing twice
 * @param jurisdiction         the transferring commission (GB/T 2260 code)
 * @param receiverJurisdiction the police organ it goes to
 * @param source               how the commission came by the clue (巡视巡察, 群众举报, ...)
 * @param inquiryNumber        the commission's own case the clue came from (审查调查案件编号), if any
 * @param persons              the people the clue accuses of gang crime (涉黑涉恶人员), by name
 * @param officials            the officials it involves (关联公职人员), if any
 * @param summary              the clue's summary, to which the inquiry number is added
 */
public record ClueTransferRequest(
        @NotBlank @Pattern(regexp = RECORD_ID, message = RECORD_ID_RULE) String recordId,
        @NotNull @Pattern(regexp = JURISDICTION, message = JURISDICTION_RULE) String jurisdiction,
        @OfficerId String officerId,
        @FactTime Instant occurredAt,
        @NotNull @Pattern(regexp = JURISDICTION, message = JURISDICTION_RULE) String receiverJurisdiction,
        @NotNull ClueSource source,
        @ShortText(max = ContractLimits.CASE_NUMBER) String inquiryNumber,
        boolean urgent,
        @NotEmpty @Size(max = ContractLimits.SUSPECTS, message = TOO_MANY_ENTRIES)
        List<@NotNull @ShortText(max = ContractLimits.PERSON_NAME) String> persons,
        @Valid @Size(max = ContractLimits.SUBJECTS, message = TOO_MANY_ENTRIES) List<@NotNull Official> officials,
        @NotNull @FreeText(max = SUMMARY) String summary,
        @Valid @Size(max = ContractLimits.ATTACHMENTS, message = TOO_MANY_ENTRIES) @NoRepeats(of = "name")
        List<@NotNull Document> attachments) implements Requests.Transfer {

    /**
     * The longest summary that leaves room in the clue's summary for the longest inquiry number and the characters
     * around it.
     */
    public static final int SUMMARY = ContractLimits.CLUE_SUMMARY - ContractLimits.CASE_NUMBER
            - SenderCaseNumbers.INQUIRY_FRAME;

    /**
     * The transfer in the exchange's terms: a clue of gang crime, naming the accused as suspects; the commission's
     * own case, if any, is named at the end of the summary, where the contract reads the sender's case number; an
     * official whose ID number is given is named by person key.
     */
    @Override
    public TransferDraft draft(PersonKeys personKeys) {
        String described = inquiryNumber == null ? summary
                : SenderCaseNumbers.withInquiryNumber(summary, inquiryNumber);
        return new TransferDraft(recordId, jurisdiction, officerId, occurredAt, receiverJurisdiction,
                TransferDraft.content(source, AllegationCategory.GANG_CRIME, urgent,
                        officials == null ? List.of() : officials.stream().map(official -> new Subject(
                                official.name(), official.unit(), official.rank(), official.role(),
                                official.idNumber() == null ? null : personKeys.of(official.idNumber()))).toList(),
                        persons, null, described, attachments == null ? List.of() : attachments.stream()
                                .map(document -> new Attachment(document.name(), document.sha256())).toList()));
    }

    /**
     * A public official the clue involves (关联公职人员).
     *
     * @param idNumber their resident ID number (居民身份证号), if known: only its person key leaves the adapter
     */
    public record Official(@NotNull @ShortText(max = ContractLimits.PERSON_NAME) String name,
                           @NotNull @ShortText(max = ContractLimits.WORK_UNIT) String unit,
                           @NotNull OfficialRank rank,
                           @ShortText(max = ContractLimits.ROLE) String role,
                           @IdNumber String idNumber) {

        /** Without the ID number, which no log may show. */
        @Override
        public String toString() {
            return "Official[name=" + name + ", unit=" + unit + ", rank=" + rank + ", role=" + role + "]";
        }
    }

    /** A document sent with the clue, identified by its SHA-256. */
    public record Document(@NotNull @ShortText(max = ContractLimits.DOCUMENT_NAME) String name,
                           @NotNull @Pattern(regexp = SHA256, message = SHA256_RULE) String sha256) {
    }
}
