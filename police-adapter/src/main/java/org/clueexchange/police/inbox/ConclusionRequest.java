package org.clueexchange.police.inbox;

import static org.clueexchange.adapter.ApiFields.RECORD_ID;
import static org.clueexchange.adapter.ApiFields.RECORD_ID_RULE;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.clueexchange.adapter.clues.Requests;
import org.clueexchange.events.OutcomeCount;

/** The police have finished with a transferred clue (办结): how many people each result concerned. */
public record ConclusionRequest(
        @NotBlank @Pattern(regexp = RECORD_ID, message = RECORD_ID_RULE) String recordId,
        @NotBlank @Size(max = 64) String officerId,
        Instant occurredAt,
        @NotEmpty @Valid List<@NotNull Result> results,
        @NotBlank @Size(max = 4000) String summary) implements Requests.Conclusion {

    @Override
    public List<OutcomeCount> outcomeCounts() {
        return results.stream().map(result -> new OutcomeCount(result.result().outcome(), result.persons())).toList();
    }

    public record Result(@NotNull PoliceResult result, @Min(0) int persons) {
    }
}
