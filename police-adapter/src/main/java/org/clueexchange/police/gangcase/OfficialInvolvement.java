package org.clueexchange.police.gangcase;

import static org.clueexchange.adapter.ApiFields.RECORD_ID;
import static org.clueexchange.adapter.ApiFields.RECORD_ID_RULE;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.clueexchange.adapter.clues.Requests;
import org.clueexchange.api.FactTime;
import org.clueexchange.api.IdNumber;
import org.clueexchange.api.OfficerId;
import org.clueexchange.api.ShortText;
import org.clueexchange.events.InvolvementRole;
import org.clueexchange.events.OfficialRank;
import org.clueexchange.wire.ContractLimits;

/**
 * 涉案公职人员: a public official was involved in the gang case.
 *
 * @param idNumber their resident ID number (居民身份证号): the adapter publishes, stores and logs only its person
 *                 key, by which the commission's follow-up and the clues about them name the same person
 * @param unit     work unit and post (工作单位及职务)
 * @param role     涉嫌充当保护伞, 收受贿赂, 失职渎职, 其他
 */
public record OfficialInvolvement(
        @NotBlank @Pattern(regexp = RECORD_ID, message = RECORD_ID_RULE) String recordId,
        @OfficerId String officerId,
        @FactTime Instant occurredAt,
        @NotNull @IdNumber String idNumber,
        @NotNull @ShortText(max = ContractLimits.PERSON_NAME) String name,
        @NotNull @ShortText(max = ContractLimits.WORK_UNIT) String unit,
        @NotNull OfficialRank rank,
        @NotNull InvolvementRole role) implements Requests.Act {

    /** Without the ID number, which no log may show. */
    @Override
    public String toString() {
        return "OfficialInvolvement[recordId=" + recordId + ", officerId=" + officerId + ", rank=" + rank + ", role="
                + role + "]";
    }
}
