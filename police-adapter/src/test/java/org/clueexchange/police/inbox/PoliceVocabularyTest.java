package org.clueexchange.police.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.clueexchange.events.AgencyType;
import org.clueexchange.wire.AgencyVocabulary;
import org.junit.jupiter.api.Test;

class PoliceVocabularyTest {

    @Test
    void everyDecisionAndResultIsTheExchangesWordForWhatThePoliceDo() {
        assertThat(Arrays.stream(PoliceDecision.values()).map(PoliceDecision::method))
                .allMatch(AgencyVocabulary.disposalMethodsOf(AgencyType.POLICE)::contains);
        assertThat(Arrays.stream(PoliceResult.values()).map(PoliceResult::outcome))
                .allMatch(AgencyVocabulary.outcomesOf(AgencyType.POLICE)::contains);
    }
}
