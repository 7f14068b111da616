package org.clueexchange.core.sla;

import static org.clueexchange.wire.ExchangeTime.CHINA_STANDARD_TIME;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.clueexchange.core.ledger.SlaClock;
import org.clueexchange.core.ledger.command.SlaPolicy;
import org.clueexchange.wire.Jurisdictions;
import org.springframework.stereotype.Component;

/** The time limits as configured, per jurisdiction; calendar days are cut in China Standard Time. */
@Component
public class ConfiguredSlaPolicy implements SlaPolicy {


    private final SlaProperties properties;

    public ConfiguredSlaPolicy(SlaProperties properties) {
        this.properties = properties;
    }

    @Override
    public Instant dueAt(SlaClock clock, Instant startedAt, String jurisdiction) {
        SlaProperties.Limits limits = limitsFor(jurisdiction);
        return switch (clock) {
            case PICK_UP -> startedAt.plus(limits.pickUp());
            case SAME_DAY_ACCEPTANCE -> startedAt.atOffset(CHINA_STANDARD_TIME).toLocalDate()
                    .plusDays(limits.acceptanceDays() + 1L).atStartOfDay().toInstant(CHINA_STANDARD_TIME);
            case DISPOSAL -> startedAt.plus(limits.disposal());
            case FEEDBACK -> startedAt.plus(Duration.ofDays(limits.feedbackDays()));
        };
    }

    @Override
    public Duration lateAssertionTolerance() {
        return properties.lateAssertionTolerance();
    }

    /** The defaults, overridden by the province's, the prefecture's, then the county's own limits. */
    SlaProperties.Limits limitsFor(String jurisdiction) {
        SlaProperties.Limits limits = properties.defaults().over(SlaProperties.Limits.AGREED);
        for (String level : List.of(jurisdiction.substring(0, 2) + "0000", jurisdiction.substring(0, 4) + "00",
                jurisdiction)) {
            SlaProperties.Limits override = properties.jurisdictions().get(level);
            if (override != null && Jurisdictions.liesWithin(jurisdiction, level)) {
                limits = override.over(limits);
            }
        }
        return limits;
    }
}
