package org.clueexchange.discipline.gangcase;

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
import org.clueexchange.api.FreeText;
import org.clueexchange.api.IdNumber;
import org.clueexchange.api.OfficerId;
import org.clueexchange.api.ShortText;
import org.clueexchange.events.CaseCheck;
import org.clueexchange.events.EndorsementRole;
import org.clueexchange.events.OfficialRank;
import org.clueexchange.wire.ContractLimits;

/**
 * What the commission's clue management system says of a gang case the police registered, in the commission's
 * terms. Each names the commission that asserts it ({@code jurisdiction}): the commission of the case's own
 * jurisdiction if absent, or a level above it; and an official by their resident ID number (居民身份证号), of which
 * only the person key leaves the adapter.
 */
final class CaseRequests {

    private CaseRequests() {
    }

    /** A request about a gang case, by the commission of {@link #jurisdiction()}. */
    interface CaseAct extends Requests.Act {

        /** The asserting commission (GB/T 2260 code); the case's own jurisdiction's if absent. */
        String jurisdiction();
    }

    /**
     * 同步跟进 of the case, or of one official involved in it.
     *
     * @param idNumber the official followed up, if any; the case as a whole if absent
     * @param rank     the official's rank as the commission records it: given exactly when {@code idNumber} is
     */
    record FollowUp(
            @NotBlank @Pattern(regexp = RECORD_ID, message = RECORD_ID_RULE) String recordId,
            @OfficerId String officerId,
            @FactTime Instant occurredAt,
            @Pattern(regexp = JURISDICTION, message = JURISDICTION_RULE) String jurisdiction,
            @IdNumber String idNumber,
            OfficialRank rank) implements CaseAct {

        /** Without the ID number, which no log may show. */
        @Override
        public String toString() {
            return "FollowUp[recordId=" + recordId + ", officerId=" + officerId + ", jurisdiction=" + jurisdiction
                    + ", rank=" + rank + "]";
        }
    }

    /** One check of 一案三查 completed (查关系网, 查保护伞, 查主体责任和监管责任), with what it found. */
    record CheckCompletion(
            @NotBlank @Pattern(regexp = RECORD_ID, message = RECORD_ID_RULE) String recordId,
            @OfficerId String officerId,
            @FactTime Instant occurredAt,
            @Pattern(regexp = JURISDICTION, message = JURISDICTION_RULE) String jurisdiction,
            @NotNull CaseCheck check,
            @NotNull @FreeText(max = ContractLimits.NOTE) String finding) implements CaseAct {
    }

    /**
     * 保护伞认定: whether there is a protective umbrella, for one official or for the whole case.
     *
     * @param idNumber the official the finding is about; the whole case if absent
     * @param outcome  for an official only: what discipline did about them (处理结果), e.g. 开除党籍、移送检察机关
     */
    record UmbrellaFinding(
            @NotBlank @Pattern(regexp = RECORD_ID, message = RECORD_ID_RULE) String recordId,
            @OfficerId String officerId,
            @FactTime Instant occurredAt,
            @Pattern(regexp = JURISDICTION, message = JURISDICTION_RULE) String jurisdiction,
            @IdNumber String idNumber,
            @NotNull Boolean umbrellaFound,
            @FreeText(max = ContractLimits.NOTE) String outcome) implements CaseAct {

        /** Without the ID number, which no log may show. */
        @Override
        public String toString() {
            return "UmbrellaFinding[recordId=" + recordId + ", officerId=" + officerId + ", jurisdiction="
                    + jurisdiction + ", umbrellaFound=" + umbrellaFound + "]";
        }
    }

    /**
     * 签字背书 of a no-umbrella closure by one of the three who must sign it: 跟进人员, 分管领导, 主要领导.
     *
     * @param signerId the signer's id in the commission's system: the three roles need three different people
     */
    record Endorsement(
            @NotBlank @Pattern(regexp = RECORD_ID, message = RECORD_ID_RULE) String recordId,
            @OfficerId String officerId,
            @FactTime Instant occurredAt,
            @Pattern(regexp = JURISDICTION, message = JURISDICTION_RULE) String jurisdiction,
            @NotNull EndorsementRole role,
            @NotNull @ShortText(max = ContractLimits.OFFICER_ID) String signerId,
            @NotNull @ShortText(max = ContractLimits.PERSON_NAME) String signerName) implements CaseAct {
    }

    /** 回溯核查: the closed case is opened again for checking, saying why. */
    record Retrace(
            @NotBlank @Pattern(regexp = RECORD_ID, message = RECORD_ID_RULE) String recordId,
            @OfficerId String officerId,
            @FactTime Instant occurredAt,
            @Pattern(regexp = JURISDICTION, message = JURISDICTION_RULE) String jurisdiction,
            @NotNull @FreeText(max = ContractLimits.NOTE) String reason) implements CaseAct {
    }
}
