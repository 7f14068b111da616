package org.clueexchange.adapter.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.clueexchange.adapter.AdapterProperties;
import org.junit.jupiter.api.Test;

class WebhookDispatcherTest {

    @Test
    void thePauseBetweenAttemptsDoublesUpToTheLongest() {
        WebhookDispatcher dispatcher = new WebhookDispatcher(new Deliveries(null, List.of()), null,
                new AdapterProperties.Delivery(12, Duration.ofSeconds(1), Duration.ofSeconds(10),
                        Duration.ofSeconds(10)), null, Clock.systemUTC(), new ObjectMapper());

        assertThat(List.of(1, 2, 3, 4, 5, 9).stream().map(dispatcher::backoff).toList()).containsExactly(
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    @Test
    void theSignatureIsTheHexHmacSha256OfTheBody() {
        // RFC 4231, test case 2.
        assertThat(WebhookDispatcher.signature("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}
