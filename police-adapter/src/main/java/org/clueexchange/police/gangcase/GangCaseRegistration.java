package org.clueexchange.police.gangcase;

import static org.clueexchange.adapter.ApiFields.JURISDICTION;
import static org.clueexchange.adapter.ApiFields.JURISDICTION_RULE;
import static org.clueexchange.adapter.ApiFields.RECORD_ID;
import static org.clueexchange.adapter.ApiFields.RECORD_ID_RULE;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.clueexchange.adapter.clues.Requests;
import org.clueexchange.api.FactTime;
import org.clueexchange.api.OfficerId;
import org.clueexchange.api.ShortText;
import org.clueexchange.events.GangCaseType;
import org.clueexchange.wire.ContractLimits;

/**
 * 涉黑涉恶案件立案: a police organ registers a gang case, which its later facts and the clues found in it name by
 * its case number.
 *
 * @param jurisdiction     the registering police organ (GB/T 2260 code)
 * @param caseJurisdiction the jurisdiction the case belongs to, the organ's own (if absent) or one inside it
 * @param caseNumber       the case number (案件编号), e.g. {@code 昭公（刑）立字〔2020〕123号}: one registration stands
 *                         for a case
 * @param caseName         案件名称, e.g. 张某某等人恶势力犯罪集团案
 */
public record GangCaseRegistration(
        @NotBlank @Pattern(regexp = RECORD_ID, message = RECORD_ID_RULE) String recordId,
        @OfficerId String officerId,
        @FactTime Instant occurredAt,
        @NotNull @Pattern(regexp = JURISDICTION, message = JURISDICTION_RULE) String jurisdiction,
        @Pattern(regexp = JURISDICTION, message = JURISDICTION_RULE) String caseJurisdiction,
        @NotNull @ShortText(max = ContractLimits.CASE_NUMBER) String caseNumber,
        @NotNull GangCaseType caseType,
        @NotNull @ShortText(max = ContractLimits.CASE_NAME) String caseName) implements Requests.Act {
}
