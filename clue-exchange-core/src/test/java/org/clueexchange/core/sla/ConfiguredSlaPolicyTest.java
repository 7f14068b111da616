package org.clueexchange.core.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.clueexchange.core.ledger.SlaClock;
import org.junit.jupiter.api.Test;

class ConfiguredSlaPolicyTest {

    private static final SlaProperties.Limits UNSET = new SlaProperties.Limits(null, null, null, null);
    /** 23:30 on 10 June 2020 in UTC+8; still the 10th in UTC+8, already the 10th in UTC too. */
    private static final Instant LATE_EVENING = Instant.parse("2020-06-10T15:30:00Z");

    @Test
    void withoutSettingsTheAgreedLimitsApply() {
        ConfiguredSlaPolicy policy = new ConfiguredSlaPolicy(new SlaProperties(UNSET, Map.of(), Duration.ofSeconds(1),
                Duration.ofHours(24)));

        assertThat(policy.dueAt(SlaClock.PICK_UP, LATE_EVENING, "530600")).isEqualTo(LATE_EVENING.plusSeconds(86400));
        assertThat(policy.dueAt(SlaClock.DISPOSAL, LATE_EVENING, "530600")).isEqualTo(LATE_EVENING.plusSeconds(7200));
        assertThat(policy.dueAt(SlaClock.FEEDBACK, LATE_EVENING, "530600"))
                .isEqualTo(LATE_EVENING.plus(Duration.ofDays(30)));
    }

    @Test
    void theSameDayEndsAtMidnightInChinaStandardTimeNotUtc() {
        ConfiguredSlaPolicy policy = new ConfiguredSlaPolicy(new SlaProperties(UNSET, Map.of(), Duration.ofSeconds(1),
                Duration.ofHours(24)));

        assertThat(policy.dueAt(SlaClock.SAME_DAY_ACCEPTANCE, LATE_EVENING, "530600"))
                .isEqualTo(Instant.parse("2020-06-10T16:00:00Z"));
        // 00:30 on the 11th in UTC+8 is still the 10th in UTC: the day that counts is the 11th.
        assertThat(policy.dueAt(SlaClock.SAME_DAY_ACCEPTANCE, Instant.parse("2020-06-10T16:30:00Z"), "530600"))
                .isEqualTo(Instant.parse("2020-06-11T16:00:00Z"));
    }

    @Test
    void aCountyTakesTheDefaultsThenItsProvincesThenItsPrefecturesThenItsOwnLimits() {
        ConfiguredSlaPolicy policy = new ConfiguredSlaPolicy(new SlaProperties(
                new SlaProperties.Limits(null, null, null, 20),
                Map.of("620000", new SlaProperties.Limits(Duration.ofHours(12), 1, null, null),
                        "620100", new SlaProperties.Limits(null, null, Duration.ofHours(1), null),
                        "620102", new SlaProperties.Limits(Duration.ofHours(6), null, null, null),
                        "530600", new SlaProperties.Limits(Duration.ofHours(48), null, null, null)),
                Duration.ofSeconds(1), Duration.ofHours(24)));

        assertThat(policy.limitsFor("620102"))
                .isEqualTo(new SlaProperties.Limits(Duration.ofHours(6), 1, Duration.ofHours(1), 20));
        assertThat(policy.limitsFor("620103"))
                .isEqualTo(new SlaProperties.Limits(Duration.ofHours(12), 1, Duration.ofHours(1), 20));
        assertThat(policy.limitsFor("530602"))
                .isEqualTo(new SlaProperties.Limits(Duration.ofHours(48), 0, Duration.ofHours(2), 20));
    }
}
