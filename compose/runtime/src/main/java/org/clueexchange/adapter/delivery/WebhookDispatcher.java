package org.clueexchange.adapter.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.clueexchange.adapter.AdapterProperties;
import org.clueexchange.adapter.FactJson;
import org.clueexchange.adapter.LeaderLoop;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.adapter.received.ReceivedFact;
import org.clueexchange.adapter.received.ReceivedFacts;

/**
 * Pushes each received fact to the webhook of every agency system it concerns, in the order facts of a clue
 * arrived, retrying refusals with a pause that doubles each time, until the webhook answers 2xx or the attempts run
 * out (FAILED, for an operator to retry).
 *
 * <p>Each request is a JSON {@code {cursor, clueId, fact}}; header {@code X-Clue-Exchange-Signature} carries
 * {@code sha256=} and the hex HMAC-SHA256 of the body under the client's webhook secret, so that the agency system
 * can tell its adapter's deliveries from anything else.
 */
public final class WebhookDispatcher extends LeaderLoop {

    public static final String SIGNATURE = "X-Clue-Exchange-Signature";
    public static final String CURSOR = "X-Clue-Exchange-Cursor";
    private static final long LOCK_KEY = 0x776562686f6f6bL;

    private final Deliveries deliveries;
    private final ReceivedFacts received;
    private final Map<String, AgencyClient> clients;
    private final AdapterProperties.Delivery settings;
    private final Clock clock;
    private final ObjectMapper json;
    private final HttpClient http;

    public WebhookDispatcher(Deliveries deliveries, ReceivedFacts received, List<AgencyClient> clients,
                             AdapterProperties.Delivery settings, DataSource dataSource, Clock clock,
                             ObjectMapper json) {
        super("webhook-dispatcher", dataSource, LOCK_KEY, Duration.ofMillis(250));
        this.deliveries = deliveries;
        this.received = received;
        this.clients = clients.stream().collect(Collectors.toUnmodifiableMap(AgencyClient::id, Function.identity()));
        this.settings = settings;
        this.clock = clock;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @Override
    protected int round() throws Exception {
        List<Delivery> due = deliveries.due(clock.instant(), 50);
        for (Delivery delivery : due) {
            attempt(delivery);
        }
        return due.size();
    }

    private void attempt(Delivery delivery) throws IOException {
        AgencyClient.Webhook webhook = clients.get(delivery.clientId()).webhook();
        ReceivedFact fact = received.bySequence(delivery.cursor());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cursor", fact.sequence());
        body.put("clueId", fact.clueId());
        body.put("fact", FactJson.of(fact.event()));
        byte[] bytes = json.writeValueAsBytes(body);
        HttpRequest request = HttpRequest.newBuilder(webhook.url())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header(CURSOR, Long.toString(fact.sequence()))
                .header(SIGNATURE, "sha256=" + signature(webhook.secret(), bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        String error;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                deliveries.delivered(delivery, clock.instant());
                return;
            }
            String answer = response.body() == null ? "" : response.body();
            error = "HTTP " + response.statusCode() + (answer.isBlank() ? ""
                    : ": " + answer.substring(0, Math.min(200, answer.length())));
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        int attempts = delivery.attempts() + 1;
        Instant now = clock.instant();
        if (attempts >= settings.maxAttempts()) {
            deliveries.refused(delivery, now, error, DeliveryState.FAILED, now);
        } else {
            deliveries.refused(delivery, now, error, DeliveryState.RETRYING, now.plus(backoff(attempts)));
        }
    }

    /** The pause after the n-th failed attempt: the first retry's, doubled n - 1 times, at most the longest. */
    Duration backoff(int attempts) {
        Duration pause = settings.firstRetry();
        for (int i = 1; i < attempts && pause.compareTo(settings.longestRetry()) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(settings.longestRetry()) > 0 ? settings.longestRetry() : pause;
    }

    /** The hex HMAC-SHA256 of {@code body} under {@code secret}, as the webhook recomputes it. */
    public static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
