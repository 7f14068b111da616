package org.clueexchange.core.origin;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert;
import org.clueexchange.core.ClueExchangeCore;
import org.clueexchange.infrastructure.CoreCredentials;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.infrastructure.RunningApplication;
import org.junit.jupiter.api.Test;

/** A core that reads facts does not start without the agency keys it verifies them with, and says which setting. */
class OriginConfigurationIT {

    private static void assertRefusedToStart(String database, Map<String, String> keys, String reason) {
        ExchangeInfrastructure infrastructure = ExchangeInfrastructure.shared();
        Map<String, String> settings = new LinkedHashMap<>(CoreCredentials.generate("530600").settings());
        settings.put("clue-exchange.kafka.bootstrap-servers", infrastructure.kafka().bootstrapServers());
        settings.put("clue-exchange.intake.group-id", "origin-configuration-it");
        settings.putAll(keys);
        ThrowableAssert.ThrowingCallable start = () -> RunningApplication.start(ClueExchangeCore.class,
                infrastructure.postgres().createDatabase(database), settings).close();
        assertThatThrownBy(start).hasStackTraceContaining(reason);
    }

    @Test
    void withoutTheAgencyKeysFileTheCoreDoesNotStart() {
        assertRefusedToStart("origin_without_keys", Map.of(), "clue-exchange.agency-keys: is missing");
    }

    @Test
    void withAnAgencyKeysFileItCannotReadTheCoreDoesNotStart() throws Exception {
        Path unreadable = Files.createTempFile("agency-keys-", ".properties");
        Files.writeString(unreadable, "police-530600.agency=SOMEONE\n");
        assertRefusedToStart("origin_unreadable_keys", Map.of(OriginConfiguration.AGENCY_KEYS, unreadable.toString()),
                "clue-exchange.agency-keys: police-530600.agency is SOMEONE, not POLICE or DISCIPLINE");
    }
}
