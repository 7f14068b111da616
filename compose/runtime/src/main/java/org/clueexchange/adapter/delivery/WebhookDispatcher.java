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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.clueexchange.adapter.AdapterProperties;
import org.clueexchange.adapter.FactJson;
import org.clueexchange.adapter.LeaderLoop;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.adapter.received.ReceivedFact;
import org.clueexchange.adapter.received.ReceivedFacts;
import org.springframework.dao.DataAccessException;

/**
 * Pushes each received fact to the webhook of every agency system it concerns, in the order facts of a clue
 * arrived, retrying refusals with a pause that doubles each time, until the webhook answers 2xx or the attempts run
 * out (FAILED, for an operator to retry).
 *
 * <p>Each client is served on its own: a thread of its own pushes its facts one at a time, each request giving up
 * after the configured timeout, so a slow or unreachable webhook delays only its own client. The dispatcher's loop,
 * on the instance that leads, hands each client that is not busy the deliveries now due to it. Deliveries of a
 * client no longer configured with a webhook are held ({@link DeliveryState#HELD}), not pushed, and logged each time
 * an instance takes the lead.
 *
 * <p>Each request is a JSON {@code {cursor, clueId, fact}}; header {@code X-Clue-Exchange-Signature} carries
 * {@code sha256=} and the hex HMAC-SHA256 of the body under the client's webhook secret, so that the agency system
 * can tell its adapter's deliveries from anything else.
 */
public final class WebhookDispatcher extends LeaderLoop {

    public static final String SIGNATURE = "X-Clue-Exchange-Signature";
    public static final String CURSOR = "X-Clue-Exchange-Cursor";
    private static final long LOCK_KEY = 0x776562686f6f6bL;
    private static final int BATCH = 50;

    private final Deliveries deliveries;
    private final ReceivedFacts received;
    private final AdapterProperties.Delivery settings;
    private final Clock clock;
    private final ObjectMapper json;
    private final HttpClient http;
    private final List<ClientPushes> clients;

    public WebhookDispatcher(Deliveries deliveries, ReceivedFacts received, AdapterProperties.Delivery settings,
                             DataSource dataSource, Clock clock, ObjectMapper json) {
        super("webhook-dispatcher", dataSource, LOCK_KEY, Duration.ofMillis(250));
        this.deliveries = deliveries;
        this.received = received;
        this.settings = settings;
        this.clock = clock;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        this.clients = deliveries.recipients().stream().map(ClientPushes::new).toList();
    }

    @Override
    protected void tookTheLead() {
        deliveries.holdForUnconfiguredClients(clock.instant()).forEach((client, held) -> log.warn(
                "{} pushes to client {} are held: it is not configured with a webhook; they are pushed once it is "
                        + "again", held, client));
    }

    /** Hands each client that is not busy the deliveries due to it; returns how many clients got work. */
    @Override
    protected int round() {
        Instant now = clock.instant();
        int handed = 0;
        for (ClientPushes client : clients) {
            if (client.idle()) {
                List<Delivery> due = deliveries.due(client.id(), now, BATCH);
                if (!due.isEmpty()) {
                    client.push(due);
                    handed++;
                }
            }
        }
        return handed;
    }

    /**
     * One client's pushes, on a thread of their own, one batch at a time and within it one fact after the other:
     * a batch holds at most one fact per clue, so the clue's next fact is pushed only after this one is answered.
     */
    private final class ClientPushes {

        private final AgencyClient client;
        private final ExecutorService thread;
        private final AtomicBoolean busy = new AtomicBoolean();
        private volatile boolean failing;

        ClientPushes(AgencyClient client) {
            this.client = client;
            this.thread = Executors.newSingleThreadExecutor(work -> {
                Thread pusher = new Thread(work, "webhook-" + client.id());
                // A push stuck in a webhook's timeout must not keep the adapter from exiting.
                pusher.setDaemon(true);
                return pusher;
            });
        }

        String id() {
            return client.id();
        }

        boolean idle() {
            return !busy.get();
        }

        void push(List<Delivery> due) {
            busy.set(true);
            thread.execute(() -> {
                try {
                    for (Delivery delivery : due) {
                        if (Thread.currentThread().isInterrupted()) {
                            return;
                        }
                        attempt(client, delivery);
                    }
                    failing = false;
                } catch (RuntimeException e) {
                    if (!failing) {
                        log.warn("pushes to client {}: failing, tried again in a later round", client.id(), e);
                        failing = true;
                    }
                } finally {
                    busy.set(false);
                    wakeUp();
                }
            });
        }

        void close() throws InterruptedException {
            thread.shutdownNow();
            thread.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private void attempt(AgencyClient client, Delivery delivery) {
        HttpRequest request;
        try {
            request = request(client.webhook(), delivery);
        } catch (DataAccessException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // A fact that cannot be put into a request would otherwise head its clue's pushes for good.
            refused(delivery, "cannot build the request: " + e);
            return;
        }
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
        refused(delivery, error);
    }

    private HttpRequest request(AgencyClient.Webhook webhook, Delivery delivery) throws IOException {
        ReceivedFact fact = received.bySequence(delivery.cursor());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cursor", fact.sequence());
        body.put("clueId", fact.clueId());
        body.put("fact", FactJson.of(fact.event()));
        byte[] bytes = json.writeValueAsBytes(body);
        return HttpRequest.newBuilder(webhook.url())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header(CURSOR, Long.toString(fact.sequence()))
                .header(SIGNATURE, "sha256=" + signature(webhook.secret(), bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
    }

    private void refused(Delivery delivery, String error) {
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

    @Override
    public void close() {
        super.close();
        try {
            for (ClientPushes client : clients) {
                client.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
