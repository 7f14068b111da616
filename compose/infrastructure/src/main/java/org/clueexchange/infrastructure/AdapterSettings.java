package org.clueexchange.infrastructure;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clueexchange.adapter.access.BearerTokens;
import org.clueexchange.events.AgencyType;
import org.clueexchange.wire.PersonKeys;

/**
 * The settings of an agency adapter under test: the broker, its jurisdictions, its signing key and the keys it
 * trusts, its clients' and operators' tokens.
 */
public final class AdapterSettings {

    /** The setting of the exchange's person-key secret, which every adapter of the exchange shares. */
    public static final String PERSON_KEY_SECRET = "adapter.person-key-secret";

    private final Map<String, String> settings = new LinkedHashMap<>();
    private int clients;
    private int operators;

    private AdapterSettings() {
    }

    /**
     * An adapter with a person-key secret of its own, made at random: a test that needs the keys sets
     * {@link #PERSON_KEY_SECRET} itself. It signs with its agency's key of {@link AgencyKeyring#forTests()} and
     * trusts that keyring, as the tests that publish straight onto the topics do.
     *
     * @param agency        the adapter's agency, whose key it signs with
     * @param jurisdictions comma-separated GB/T 2260 codes the adapter serves
     */
    public static AdapterSettings serving(AgencyType agency, String jurisdictions,
                                          ExchangeInfrastructure infrastructure) {
        AdapterSettings adapter = new AdapterSettings();
        adapter.settings.put("adapter.kafka.bootstrap-servers", infrastructure.kafka().bootstrapServers());
        adapter.settings.put("adapter.jurisdictions", jurisdictions);
        adapter.settings.put(PERSON_KEY_SECRET, randomPersonKeySecret());
        AgencyKeyring keys = AgencyKeyring.forTests();
        adapter.settings.putAll(keys.signing(agency).adapterSettings());
        adapter.settings.put(AgencyKeyring.ADAPTER_AGENCY_KEYS, keys.file().toString());
        return adapter;
    }

    /** A person-key secret for one run, base64, as {@link #PERSON_KEY_SECRET} takes it. */
    public static String randomPersonKeySecret() {
        byte[] secret = new byte[PersonKeys.MINIMUM_SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
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
