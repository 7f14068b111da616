package org.clueexchange.police.inbox;

import static org.clueexchange.adapter.ApiFields.RECORD_ID;
import static org.clueexchange.adapter.ApiFields.RECORD_ID_RULE;
import static org.clueexchange.adapter.ApiFields.TOO_MANY_ENTRIES;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.clueexchange.adapter.clues.Requests;
import org.clueexchange.api.FactTime;
import org.clueexchange.api.FreeText;
import org.clueexchange.api.NoRepeats;
import org.clueexchange.api.OfficerId;
import org.clueexchange.events.OutcomeCount;
import org.clueexchange.wire.ContractLimits;

/** The police have finished with a transferred clue (办结): how many people each result concerned. */
public record ConclusionRequest(
        @NotBlank @Pattern(regexp = RECORD_ID, message = RECORD_ID_RULE) String recordId,
        @OfficerId String officerId,
        @FactTime Instant occurredAt,
        @NotEmpty @Size(max = ContractLimits.OUTCOMES, message = TOO_MANY_ENTRIES) @NoRepeats(of = "result") @Valid
        List<@NotNull Result> results,
        @NotNull @FreeText(max = ContractLimits.NOTE) String summary) implements Requests.Conclusion {

    @Override
    public List<OutcomeCount> outcomeCounts() {
        return results.stream().map(result -> new OutcomeCount(result.result().outcome(), result.persons())).toList();
    }

    public record Result(@NotNull PoliceResult result,
                         @Min(0) @Max(ContractLimits.PERSONS_PER_OUTCOME) int persons) {
    }
}
