package org.clueexchange.discipline.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.clueexchange.events.AgencyType;
import org.clueexchange.wire.AgencyVocabulary;
import org.junit.jupiter.api.Test;

class DisciplineVocabularyTest {

    @Test
    void everyDisposalAndOutcomeIsTheExchangesWordForWhatACommissionDoes() {
        assertThat(Arrays.stream(DisciplineDisposal.values()).map(DisciplineDisposal::method))
                .allMatch(AgencyVocabulary.disposalMethodsOf(AgencyType.DISCIPLINE)::contains);
        assertThat(Arrays.stream(DisciplineOutcome.values()).map(DisciplineOutcome::outcome))
                .allMatch(AgencyVocabulary.outcomesOf(AgencyType.DISCIPLINE)::contains);
    }
}
