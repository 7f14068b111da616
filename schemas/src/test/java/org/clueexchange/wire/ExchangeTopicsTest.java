package org.clueexchange.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clueexchange.wire.ClueEventSamples.AT;

import org.clueexchange.events.StatementConfirmationRecorded;
import org.clueexchange.events.StatementConfirmed;
import org.junit.jupiter.api.Test;

class ExchangeTopicsTest {

    private final StatementConfirmed confirmation = ClueEventSamples.confirmation("STATEMENT-530600-2020-06",
            ClueEventSamples.ZHAOTONG_POLICE, "c".repeat(64), "a".repeat(64), AT);
    private final StatementConfirmationRecorded refusal = ClueEventSamples.refusal(confirmation, "e".repeat(64), AT);

    @Test
    void anAgencysFactsTravelOnItsTopicAndTheCoresAnswersOnTheCores() {
        assertThat(ExchangeTopics.of(confirmation)).isEqualTo(ExchangeTopics.POLICE_EVENTS);
        assertThat(ExchangeTopics.of(refusal)).isEqualTo(ExchangeTopics.CORE_EVENTS);
        assertThat(ClueEvents.keyOf(refusal)).isEqualTo("STATEMENT-530600-2020-06").isEqualTo(
                ClueEvents.keyOf(confirmation));
        assertThat(ClueEvents.eventIdOf(refusal)).isEqualTo(refusal.getEventId())
                .isNotEqualTo(refusal.getConfirmationEventId());
    }

    @Test
    void nobodyWritesAnothersTopic() {
        assertThat(ExchangeTopics.misplaced(confirmation, ExchangeTopics.POLICE_EVENTS)).isEmpty();
        assertThat(ExchangeTopics.misplaced(refusal, ExchangeTopics.CORE_EVENTS)).isEmpty();
        assertThat(ExchangeTopics.misplaced(confirmation, ExchangeTopics.CORE_EVENTS)).hasValue(
                "StatementConfirmed asserted by POLICE arrived on clue.core.events: "
                        + "an agency publishes only on its own topic");
        assertThat(ExchangeTopics.misplaced(refusal, ExchangeTopics.DISCIPLINE_EVENTS)).hasValue(
                "StatementConfirmationRecorded arrived on clue.discipline.events: only the core publishes it, "
                        + "on clue.core.events");
    }
}
