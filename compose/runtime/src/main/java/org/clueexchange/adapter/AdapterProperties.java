package org.clueexchange.adapter;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.adapter.access.Operator;
import org.clueexchange.wire.Jurisdictions;
import org.clueexchange.wire.PersonKeys;
import org.clueexchange.wire.TimeBounds;
import org.clueexchange.wire.origin.AgencyKeys;
import org.clueexchange.wire.origin.OriginKeys;
import org.clueexchange.wire.origin.OriginSigner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An adapter's settings ({@code adapter.*}). Which agency it speaks for is not a setting: each adapter is built for
 * one kind of agency.
 *
 * <p>The clients and operators are checked as the adapter starts, and a mistake stops it with a message naming the
 * setting and the client: a webhook that cannot be pushed to or signed, say, would otherwise only show once facts
 * pile up for it.
 *
 * @param jurisdictions the jurisdictions whose agencies this adapter serves (each with everything inside it)
 * @param clients       the agency systems allowed to call it; configured outside the repository
 * @param operators     who may see to what the adapter could not publish or push; configured outside the repository
 * @param clockSkew     how far ahead of the adapter's clock a fact's time may lie, in a request or in the other
 *                      agency's facts ({@link TimeBounds#DEFAULT_CLOCK_SKEW} unless set); no more than the core's
 * @param personKeySecret the exchange's person-key secret, base64, the same in every adapter of the exchange
 *                      ({@link PersonKeys}); configured outside the repository
 * @param agencyKeys    the file of the agencies' public keys every reader of the exchange trusts ({@link AgencyKeys})
 * @param signing       the key this adapter signs its agency's facts with; configured outside the repository
 */
@ConfigurationProperties("adapter")
public record AdapterProperties(List<String> jurisdictions, @DefaultValue List<AgencyClient> clients,
                                @DefaultValue List<Operator> operators, @DefaultValue Kafka kafka,
                                @DefaultValue Delivery delivery, Duration clockSkew, String personKeySecret,
                                Path agencyKeys, @DefaultValue Signing signing) {

    private static final Pattern SHA256_HEX = Pattern.compile(ApiFields.SHA256);
    /** Shorter keys make signatures an outsider could forge by trying. */
    private static final int SHORTEST_WEBHOOK_SECRET = 16;

    public AdapterProperties {
        jurisdictions = jurisdictions == null ? List.of() : List.copyOf(jurisdictions);
        clients = List.copyOf(clients);
        operators = List.copyOf(operators);
        clockSkew = clockSkew == null ? TimeBounds.DEFAULT_CLOCK_SKEW : clockSkew;
        personKeys(personKeySecret);
        trustedKeys(agencyKeys);
        signing.signer();
        jurisdictions.forEach(code -> requireCode("adapter.jurisdictions", code));
        Set<String> ids = new HashSet<>();
        Map<String, String> tokenHolders = new HashMap<>();
        for (int i = 0; i < clients.size(); i++) {
            AgencyClient client = clients.get(i);
            String setting = "adapter.clients[" + i + "]";
            requireId(setting, client.id(), ids);
            String who = "client " + client.id();
            requireTokenHash(setting, who, client.tokenSha256(), tokenHolders);
            require(!client.jurisdictions().isEmpty(), setting + ".jurisdictions: " + who
                    + " acts for no jurisdiction");
            for (String jurisdiction : client.jurisdictions()) {
                requireCode(setting + ".jurisdictions: " + who, jurisdiction);
                require(jurisdictions.isEmpty() || jurisdictions.stream()
                                .anyMatch(served -> Jurisdictions.liesWithin(jurisdiction, served)),
                        setting + ".jurisdictions: " + who + " would act for " + jurisdiction
                                + ", which this adapter does not serve (adapter.jurisdictions: " + jurisdictions + ")");
            }
            if (client.webhook() != null) {
                requireWebhook(setting + ".webhook", who, client.webhook());
            }
        }
        ids.clear();
        for (int i = 0; i < operators.size(); i++) {
            Operator operator = operators.get(i);
            String setting = "adapter.operators[" + i + "]";
            requireId(setting, operator.id(), ids);
            requireTokenHash(setting, "operator " + operator.id(), operator.tokenSha256(), tokenHolders);
        }
    }

    /** How the adapter names the people in its facts, with the exchange's secret. */
    public PersonKeys personKeys() {
        return personKeys(personKeySecret);
    }

    /**
     * Without the secret every other adapter holds, the adapter would give keys that match nobody's: it does not
     * start.
     */
    private static PersonKeys personKeys(String secret) {
        String setting = "adapter.person-key-secret: ";
        require(secret != null && !secret.isBlank(), setting + "is missing: every adapter of the exchange needs the "
                + "same secret to key the people it names");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(secret.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + "is not base64", e);
        }
        require(bytes.length >= PersonKeys.MINIMUM_SECRET_BYTES, setting + "has " + bytes.length + " bytes; it needs "
                + "at least " + PersonKeys.MINIMUM_SECRET_BYTES);
        return new PersonKeys(bytes);
    }

    /** The agencies' keys, as the file holds them now. */
    public AgencyKeys trustedKeys() {
        return trustedKeys(agencyKeys);
    }

    /** Without the keys it trusts, the adapter could tell no agency's fact from a forgery: it does not start. */
    private static AgencyKeys trustedKeys(Path file) {
        require(file != null, "adapter.agency-keys: is missing: the adapter needs the file of the agencies' public "
                + "keys to verify the facts it reads");
        try {
            return AgencyKeys.load(file);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("adapter.agency-keys: " + e.getMessage(), e);
        }
    }

    /** The settings without the person-key secret and the signing key, which no log may show. */
    @Override
    public String toString() {
        return "AdapterProperties[jurisdictions=" + jurisdictions + ", clients=" + clients + ", operators="
                + operators + ", kafka=" + kafka + ", delivery=" + delivery + ", clockSkew=" + clockSkew
                + ", agencyKeys=" + agencyKeys + ", signing.keyId=" + signing.keyId() + "]";
    }

    private static void requireId(String setting, String id, Set<String> ids) {
        require(id != null && !id.isBlank(), setting + ".id: is missing");
        require(ids.add(id), setting + ".id: '" + id + "' is already the id of another entry");
    }

    /** A token opens the endpoints of one caller only: a client's or an operator's. */
    private static void requireTokenHash(String setting, String who, String tokenSha256,
                                         Map<String, String> tokenHolders) {
        require(tokenSha256 != null && SHA256_HEX.matcher(tokenSha256).matches(), setting + ".token-sha256: " + who
                + " needs the lower-case hex SHA-256 of its bearer token");
        String holder = tokenHolders.putIfAbsent(tokenSha256, who);
        require(holder == null, setting + ".token-sha256: " + who + " has the same token as " + holder);
    }

    private static void requireWebhook(String setting, String who, AgencyClient.Webhook webhook) {
        URI url = webhook.url();
        require(url != null, setting + ".url: " + who + " has a webhook without a URL");
        require(url.isAbsolute() && ("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
                && url.getHost() != null, setting + ".url: " + who + ": '" + url
                + "' is not an absolute http or https URL");
        require(webhook.secret() != null && !webhook.secret().isBlank(), setting + ".secret: " + who
                + " has a webhook without a secret to sign its deliveries with");
        require(webhook.secret().length() >= SHORTEST_WEBHOOK_SECRET, setting + ".secret: " + who
                + " has a webhook secret shorter than " + SHORTEST_WEBHOOK_SECRET + " characters");
    }

    private static void requireCode(String setting, String code) {
        require(Jurisdictions.isValid(code), setting + ": '" + code + "' is not a six-digit GB/T 2260 code");
    }

    private static void require(boolean condition, String otherwise) {
        if (!condition) {
            throw new IllegalArgumentException(otherwise);
        }
    }

    /**
     * The adapter's signing key: its id in the agency keys file and the Ed25519 private key, base64 PKCS#8 (as
     * {@code openssl genpkey -algorithm ed25519 -outform DER | base64 -w0} gives it).
     */
    public record Signing(String keyId, String privateKey) {

        /** Without its key the adapter would publish facts every reader refuses: it does not start. */
        public OriginSigner signer() {
            require(keyId != null && !keyId.isBlank(), "adapter.signing.key-id: is missing: the adapter signs the "
                    + "facts it publishes under its agency's key id");
            require(AgencyKeys.KEY_ID.matcher(keyId).matches(), "adapter.signing.key-id: '" + keyId
                    + "' is no key id (letters, digits, - and _, at most 64)");
            require(privateKey != null && !privateKey.isBlank(), "adapter.signing.private-key: is missing: the "
                    + "adapter signs the facts it publishes with its agency's private key");
            try {
                return new OriginSigner(keyId, OriginKeys.privateKey(privateKey));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("adapter.signing.private-key: is " + e.getMessage(), e);
            }
        }

        @Override
        public String toString() {
            return "Signing[keyId=" + keyId + "]";
        }
    }

    /**
     * How facts are pushed to the clients' webhooks: a failed attempt is retried after {@code firstRetry},
     * doubling up to {@code longestRetry}; after {@code maxAttempts} the delivery is FAILED until an operator
     * retries it. Each request gives up after {@code timeout}.
     */
    public record Delivery(@DefaultValue("12") int maxAttempts, @DefaultValue("1s") Duration firstRetry,
                           @DefaultValue("10m") Duration longestRetry, @DefaultValue("10s") Duration timeout) {
    }

    /**
     * @param groupId    the consumer group of this adapter's instances on the other agency's topic
     * @param retryPause how long to wait before retrying a fact that could not be stored
     */
    public record Kafka(@DefaultValue("localhost:9092") String bootstrapServers, String groupId,
                        @DefaultValue("6") int partitions, @DefaultValue("1") short replicationFactor,
                        @DefaultValue("5s") Duration retryPause) {
    }
}
