package org.clueexchange.police.inbox;

import static org.clueexchange.adapter.ApiFields.RECORD_ID;
import static org.clueexchange.adapter.ApiFields.RECORD_ID_RULE;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.clueexchange.adapter.clues.Requests;
import org.clueexchange.api.FactTime;
import org.clueexchange.api.FreeText;
import org.clueexchange.api.OfficerId;
import org.clueexchange.events.DisposalMethod;
import org.clueexchange.wire.ContractLimits;

/** The police decide how to handle a transferred clue (处置): open a case, inquire, merge, or not open one. */
public record DecisionRequest(
        @NotBlank @Pattern(regexp = RECORD_ID, message = RECORD_ID_RULE) String recordId,
        @OfficerId String officerId,
        @FactTime Instant occurredAt,
        @NotNull PoliceDecision decision,
        @FreeText(max = ContractLimits.NOTE) String explanation) implements Requests.DisposalDecision {

    @Override
    public DisposalMethod disposalMethod() {
        return decision.method();
    }
}
