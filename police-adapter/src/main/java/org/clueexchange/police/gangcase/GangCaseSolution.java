package org.clueexchange.police.gangcase;

import static org.clueexchange.adapter.ApiFields.RECORD_ID;
import static org.clueexchange.adapter.ApiFields.RECORD_ID_RULE;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.clueexchange.adapter.clues.Requests;
import org.clueexchange.api.FactTime;
import org.clueexchange.api.OfficerId;

/**
 * 破案: the police solved the gang case; from then on it is on the quarterly reconciliation (一季度一对账).
 *
 * @param solvedAt when the case was solved
 */
public record GangCaseSolution(
        @NotBlank @Pattern(regexp = RECORD_ID, message = RECORD_ID_RULE) String recordId,
        @OfficerId String officerId,
        @NotNull @FactTime Instant solvedAt) implements Requests.Act {

    /** The case is solved when it is solved. */
    @Override
    public Instant occurredAt() {
        return solvedAt;
    }
}
