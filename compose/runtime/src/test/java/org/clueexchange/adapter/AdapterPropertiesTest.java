package org.clueexchange.adapter;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.clueexchange.adapter.access.AgencyClient;
import org.junit.jupiter.api.Test;

class AdapterPropertiesTest {

    private static final AdapterProperties.Kafka KAFKA =
            new AdapterProperties.Kafka("localhost:9092", null, 6, (short) 1, Duration.ofSeconds(5));
    private static final AdapterProperties.Delivery DELIVERY = new AdapterProperties.Delivery(12,
            Duration.ofSeconds(1), Duration.ofMinutes(10), Duration.ofSeconds(10));

    @Test
    void aClientMayActOnlyWithinTheJurisdictionsTheAdapterServes() {
        AgencyClient county = new AgencyClient("county-system", "a".repeat(64), List.of("530602"), null);
        AgencyClient elsewhere = new AgencyClient("other-system", "b".repeat(64), List.of("330800"), null);

        assertThatCode(() -> new AdapterProperties(List.of("530600"), List.of(county), KAFKA, DELIVERY))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> new AdapterProperties(List.of("530600"), List.of(county, elsewhere), KAFKA,
                DELIVERY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("adapter.clients: other-system would act for 330800, which this adapter does not serve "
                        + "(adapter.jurisdictions: [530600])");
    }

    @Test
    void aJurisdictionThatIsNoSixDigitCodeIsRefusedNamingTheSetting() {
        AgencyClient typo = new AgencyClient("county-system", "a".repeat(64), List.of("5306021"), null);

        assertThatThrownBy(() -> new AdapterProperties(List.of("53060"), List.of(), KAFKA, DELIVERY))
                .hasMessage("adapter.jurisdictions: '53060' is not a six-digit GB/T 2260 code");
        assertThatThrownBy(() -> new AdapterProperties(List.of("530600"), List.of(typo), KAFKA, DELIVERY))
                .hasMessage("adapter.clients: county-system: '5306021' is not a six-digit GB/T 2260 code");
    }
}
