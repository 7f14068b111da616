package org.clueexchange.discipline.inbox;

import static org.clueexchange.adapter.ApiFields.RECORD_ID;
import static org.clueexchange.adapter.ApiFields.RECORD_ID_RULE;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.clueexchange.adapter.clues.Requests;
import org.clueexchange.events.DisposalMethod;

/** The commission decides how to dispose of an accepted clue (处置, 分流). */
public record DisposalRequest(
        @NotBlank @Pattern(regexp = RECORD_ID, message = RECORD_ID_RULE) String recordId,
        @NotBlank @Size(max = 64) String officerId,
        Instant occurredAt,
        @NotNull DisciplineDisposal method,
        @Size(max = 4000) String explanation) implements Requests.DisposalDecision {

    @Override
    public DisposalMethod disposalMethod() {
        return method.method();
    }
}
