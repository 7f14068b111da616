package org.clueexchange.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeLimitTest {

    private static final Instant DUE = Instant.parse("2020-06-10T16:00:00Z");

    @Test
    void aLimitIsMetByAFactAtItsDueTimeAndBreachedByALaterOne() {
        assertThat(new TimeLimit(DUE, DUE, false).status()).isEqualTo(TimeLimit.Status.MET);
        assertThat(new TimeLimit(DUE, DUE.plusMillis(1), true).status()).isEqualTo(TimeLimit.Status.BREACHED);
        assertThat(TimeLimit.late(DUE.plusMillis(1), DUE)).isTrue();
        assertThat(TimeLimit.late(DUE, DUE)).isFalse();
    }

    @Test
    void aLimitThatFellDueUnfulfilledIsBreachedAndOverdueUntilAFactInTimeMeetsIt() {
        assertThat(new TimeLimit(DUE, null, false).status()).isEqualTo(TimeLimit.Status.OPEN);
        assertThat(new TimeLimit(DUE, null, true).status()).isEqualTo(TimeLimit.Status.BREACHED);
        assertThat(new TimeLimit(DUE, null, true).overdue()).isTrue();
        assertThat(new TimeLimit(DUE, DUE.minusSeconds(60), true).status()).isEqualTo(TimeLimit.Status.MET);
        assertThat(new TimeLimit(DUE, DUE.minusSeconds(60), true).overdue()).isFalse();
    }

    @Test
    void asOfAMomentOnlyWhatHadOccurredBeforeItCounts() {
        Instant lateFact = DUE.plusSeconds(3600);

        assertThat(TimeLimit.asOf(DUE, DUE, lateFact).status()).as("not yet due").isEqualTo(TimeLimit.Status.OPEN);
        assertThat(TimeLimit.asOf(DUE.plusSeconds(60), DUE, lateFact).overdue()).isTrue();
        assertThat(TimeLimit.asOf(lateFact.plusSeconds(1), DUE, lateFact).status())
                .isEqualTo(TimeLimit.Status.BREACHED);
        assertThat(TimeLimit.asOf(lateFact.plusSeconds(1), DUE, lateFact).overdue()).isFalse();
    }

    @Test
    void eachWayALimitEndsHasTheStatusTheLedgerShows() {
        assertThat(TimeLimit.Status.fulfilled(false)).isEqualTo(TimeLimit.Status.MET);
        assertThat(TimeLimit.Status.fulfilled(true)).isEqualTo(TimeLimit.Status.BREACHED);
        assertThat(TimeLimit.Status.fellDue()).isEqualTo(TimeLimit.Status.BREACHED);
    }
}
