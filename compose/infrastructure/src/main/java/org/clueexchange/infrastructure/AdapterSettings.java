package org.clueexchange.infrastructure;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clueexchange.adapter.access.BearerTokens;

/** The settings of an agency adapter under test: the broker, its jurisdictions, its clients' and operators' tokens. */
public final class AdapterSettings {

    private final Map<String, String> settings = new LinkedHashMap<>();
    private int clients;
    private int operators;

    private AdapterSettings() {
    }

    /** @param jurisdictions comma-separated GB/T 2260 codes the adapter serves */
    public static AdapterSettings serving(String jurisdictions, ExchangeInfrastructure infrastructure) {
        AdapterSettings adapter = new AdapterSettings();
        adapter.settings.put("adapter.kafka.bootstrap-servers", infrastructure.kafka().bootstrapServers());
        adapter.settings.put("adapter.jurisdictions", jurisdictions);
        return adapter;
    }

    /** Lets in a client with this bearer token, acting for these comma-separated jurisdictions. */
    public AdapterSettings client(String id, String token, String jurisdictions) {
        String client = "adapter.clients[" + clients++ + "].";
        settings.put(client + "id", id);
        settings.put(client + "token-sha256", BearerTokens.hash(token));
        settings.put(client + "jurisdictions", jurisdictions);
        return this;
    }

    /** Gives the client added last a webhook, signed with {@code secret}. */
    public AdapterSettings webhook(URI url, String secret) {
        String webhook = "adapter.clients[" + (clients - 1) + "].webhook.";
        settings.put(webhook + "url", url.toString());
        settings.put(webhook + "secret", secret);
        return this;
    }

    /** Lets in an operator with this bearer token. */
    public AdapterSettings operator(String id, String token) {
        String operator = "adapter.operators[" + operators++ + "].";
        settings.put(operator + "id", id);
        settings.put(operator + "token-sha256", BearerTokens.hash(token));
        return this;
    }

    /** Any other setting, e.g. one of {@code adapter.delivery.*}. */
    public AdapterSettings set(String setting, String value) {
        settings.put(setting, value);
        return this;
    }

    public Map<String, String> asMap() {
        return Map.copyOf(settings);
    }
}
