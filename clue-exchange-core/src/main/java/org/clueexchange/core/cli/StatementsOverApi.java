package org.clueexchange.core.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.clueexchange.core.reconciliation.Cadence;
import org.clueexchange.core.reconciliation.query.StatementFormat;
import org.clueexchange.wire.StatementId;

/**
 * A running core's statements as an officer reaches them through its API ({@code /api/reconciliation/{cadence}}),
 * with the officer's own token: scoped to the officer's jurisdiction and recorded in the core's access log, as the
 * web pages are, and with no database credentials on the officer's machine.
 */
final class StatementsOverApi {

    /** Why the core did not answer as asked, in words for the officer. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI api;
    private final String token;

    /** Whether a URL can name a core: http or https, with a host. */
    static boolean reachable(URI coreUrl) {
        return ("http".equalsIgnoreCase(coreUrl.getScheme()) || "https".equalsIgnoreCase(coreUrl.getScheme()))
                && coreUrl.getHost() != null;
    }

    StatementsOverApi(URI coreUrl, String token) {
        String base = coreUrl.toString();
        this.api = URI.create(base.endsWith("/") ? base : base + "/").resolve("api/reconciliation/");
        this.token = token;
    }

    /** Issues the period's statement, or gets the current one if the ledger has not changed what it says. */
    JsonNode issue(Cadence cadence, String jurisdiction, String period) throws Refused, InterruptedException {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(Map.of("jurisdiction", jurisdiction, "period", period));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpResponse<byte[]> response = send(request(api.resolve(cadence.pathName()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        JsonNode statement;
        try {
            statement = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new Refused(api + " answered with no statement: " + e.getMessage());
        }
        // The id names the files written: nothing but a statement id may reach the path.
        if (StatementId.parse(statement.path("statementId").asText()).isEmpty()) {
            throw new Refused(api + " answered with no statement id");
        }
        return statement;
    }

    byte[] document(Cadence cadence, String statementId, StatementFormat format) throws Refused, InterruptedException {
        return send(request(api.resolve(cadence.pathName() + "/" + statementId + "?format=" + format.name()
                .toLowerCase(Locale.ROOT))).GET()).body();
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(PATIENCE).header("Authorization", "Bearer " + token);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Refused, InterruptedException {
        HttpRequest built = request.build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Refused("连不上核心 cannot reach the core at " + built.uri() + ": " + e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new Refused(problem(response));
        }
        return response;
    }

    /** The core's RFC 9457 problem in one line: its status, title, detail and the fields it names. */
    private static String problem(HttpResponse<byte[]> response) {
        StringBuilder text = new StringBuilder();
        if (response.statusCode() == 401) {
            text.append("核心不认此令牌 the core did not accept the token (401): ");
        } else {
            text.append("核心拒绝 the core refused (").append(response.statusCode()).append("): ");
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            text.append(problem.path("title").asText());
            if (problem.hasNonNull("detail")) {
                text.append(" · ").append(problem.path("detail").asText());
            }
            problem.path("errors").forEach(error -> text.append(" · ").append(error.path("field").asText())
                    .append(' ').append(error.path("message").asText()));
        } catch (IOException e) {
            text.append(response.uri());
        }
        return text.toString();
    }
}
