package org.clueexchange.discipline.inbox;

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

/** The commission decides how to dispose of an accepted clue (处置, 分流). */
public record DisposalRequest(
        @NotBlank @Pattern(regexp = RECORD_ID, message = RECORD_ID_RULE) String recordId,
        @OfficerId String officerId,
        @FactTime Instant occurredAt,
        @NotNull DisciplineDisposal method,
        @FreeText(max = ContractLimits.NOTE) String explanation) implements Requests.DisposalDecision {

    @Override
    public DisposalMethod disposalMethod() {
        return method.method();
    }
}
