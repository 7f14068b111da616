package org.clueexchange.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.adapter.access.Operator;
import org.clueexchange.events.AgencyType;
import org.clueexchange.wire.PersonKeys;
import org.clueexchange.wire.origin.AgencyKey;
import org.clueexchange.wire.origin.AgencyKeys;
import org.clueexchange.wire.origin.OriginKeys;
import org.junit.jupiter.api.Test;

class AdapterPropertiesTest {

    private static final AdapterProperties.Kafka KAFKA =
            new AdapterProperties.Kafka("localhost:9092", null, 6, (short) 1, Duration.ofSeconds(5));
    private static final AdapterProperties.Delivery DELIVERY = new AdapterProperties.Delivery(12,
            Duration.ofSeconds(1), Duration.ofMinutes(10), Duration.ofSeconds(10));
    private static final String SECRET = Base64.getEncoder().encodeToString(new byte[PersonKeys.MINIMUM_SECRET_BYTES]);
    private static final AgencyClient COUNTY =
            new AgencyClient("county-system", "a".repeat(64), List.of("530602"), null);
    private static final KeyPair POLICE_KEY = OriginKeys.generate();
    private static final Path AGENCY_KEYS = agencyKeys();
    private static final AdapterProperties.Signing SIGNING =
            new AdapterProperties.Signing("police-530600", OriginKeys.encoded(POLICE_KEY.getPrivate()));

    private static Path agencyKeys() {
        try {
            Path file = Files.createTempFile("agency-keys-", ".properties");
            file.toFile().deleteOnExit();
            return Files.writeString(file, new AgencyKeys(List.of(new AgencyKey("police-530600", AgencyType.POLICE,
                    List.of("530600"), POLICE_KEY.getPublic(), Instant.parse("2020-01-01T00:00:00Z"), null))).text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aClientMayActOnlyWithinTheJurisdictionsTheAdapterServes() {
        AgencyClient elsewhere = new AgencyClient("other-system", "b".repeat(64), List.of("330800"), null);

        assertThatCode(() -> properties(COUNTY)).doesNotThrowAnyException();
        assertThatThrownBy(() -> properties(COUNTY, elsewhere)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("adapter.clients[1].jurisdictions: client other-system would act for 330800, which this "
                        + "adapter does not serve (adapter.jurisdictions: [530600])");
    }

    @Test
    void aJurisdictionThatIsNoSixDigitCodeIsRefusedNamingTheSetting() {
        AgencyClient typo = new AgencyClient("county-system", "a".repeat(64), List.of("5306021"), null);

        assertThatThrownBy(() -> new AdapterProperties(List.of("53060"), List.of(), List.of(), KAFKA, DELIVERY, null, SECRET,
                AGENCY_KEYS, SIGNING))
                .hasMessage("adapter.jurisdictions: '53060' is not a six-digit GB/T 2260 code");
        assertThatThrownBy(() -> properties(typo))
                .hasMessage("adapter.clients[0].jurisdictions: client county-system: '5306021' is not a six-digit "
                        + "GB/T 2260 code");
    }

    @Test
    void aWebhookThatCannotBeSignedOrReachedIsRefusedNamingTheClientAndTheSetting() {
        assertThatThrownBy(() -> properties(COUNTY, withWebhook("duty-desk", "https://desk.example/facts", null)))
                .hasMessage("adapter.clients[1].webhook.secret: client duty-desk has a webhook without a secret to "
                        + "sign its deliveries with");
        assertThatThrownBy(() -> properties(withWebhook("duty-desk", "https://desk.example/facts", "  ")))
                .hasMessage("adapter.clients[0].webhook.secret: client duty-desk has a webhook without a secret to "
                        + "sign its deliveries with");
        assertThatThrownBy(() -> properties(withWebhook("duty-desk", "https://desk.example/facts", "short")))
                .hasMessage("adapter.clients[0].webhook.secret: client duty-desk has a webhook secret shorter than 16 "
                        + "characters");
        assertThatThrownBy(() -> properties(withWebhook("duty-desk", "desk.example/facts", "s".repeat(32))))
                .hasMessage("adapter.clients[0].webhook.url: client duty-desk: 'desk.example/facts' is not an "
                        + "absolute http or https URL");
        assertThatThrownBy(() -> properties(withWebhook("duty-desk", "ftp://desk.example/facts", "s".repeat(32))))
                .hasMessage("adapter.clients[0].webhook.url: client duty-desk: 'ftp://desk.example/facts' is not an "
                        + "absolute http or https URL");
        assertThatThrownBy(() -> properties(withWebhook("duty-desk", null, "s".repeat(32))))
                .hasMessage("adapter.clients[0].webhook.url: client duty-desk has a webhook without a URL");
        assertThatCode(() -> properties(withWebhook("duty-desk", "https://desk.example/facts", "s".repeat(32))))
                .doesNotThrowAnyException();
    }

    @Test
    void everyClientHasAnIdOfItsOwnATokenHashAndAJurisdiction() {
        assertThatThrownBy(() -> properties(COUNTY, new AgencyClient(" ", "b".repeat(64), List.of("530602"), null)))
                .hasMessage("adapter.clients[1].id: is missing");
        assertThatThrownBy(() -> properties(COUNTY, new AgencyClient("county-system", "b".repeat(64),
                List.of("530602"), null)))
                .hasMessage("adapter.clients[1].id: 'county-system' is already the id of another entry");
        assertThatThrownBy(() -> properties(new AgencyClient("county-system", "A".repeat(64), List.of("530602"),
                null)))
                .hasMessage("adapter.clients[0].token-sha256: client county-system needs the lower-case hex SHA-256 "
                        + "of its bearer token");
        assertThatThrownBy(() -> properties(new AgencyClient("county-system", "a".repeat(64), null, null)))
                .hasMessage("adapter.clients[0].jurisdictions: client county-system acts for no jurisdiction");
    }

    @Test
    void anOperatorsTokenOpensNoClientsEndpointsNorTheOtherWayRound() {
        Operator sharing = new Operator("night-shift", COUNTY.tokenSha256());

        assertThatCode(() -> new AdapterProperties(List.of("530600"), List.of(COUNTY),
                List.of(new Operator("night-shift", "c".repeat(64))), KAFKA, DELIVERY, null, SECRET, AGENCY_KEYS,
                SIGNING))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> new AdapterProperties(List.of("530600"), List.of(COUNTY), List.of(sharing), KAFKA,
                DELIVERY, null, SECRET, AGENCY_KEYS, SIGNING))
                .hasMessage("adapter.operators[0].token-sha256: operator night-shift has the same token as client "
                        + "county-system");
        assertThatThrownBy(() -> new AdapterProperties(List.of("530600"), List.of(),
                List.of(new Operator("night-shift", "short")), KAFKA, DELIVERY, null, SECRET, AGENCY_KEYS, SIGNING))
                .hasMessage("adapter.operators[0].token-sha256: operator night-shift needs the lower-case hex "
                        + "SHA-256 of its bearer token");
    }

    @Test
    void anAdapterWithoutAUsablePersonKeySecretDoesNotStart() {
        String tooShort = Base64.getEncoder().encodeToString(new byte[PersonKeys.MINIMUM_SECRET_BYTES - 1]);

        assertThatThrownBy(() -> withSecret(null)).hasMessage("adapter.person-key-secret: is missing: every adapter "
                + "of the exchange needs the same secret to key the people it names");
        assertThatThrownBy(() -> withSecret(" ")).hasMessageStartingWith("adapter.person-key-secret: is missing");
        assertThatThrownBy(() -> withSecret("not base64!")).hasMessage("adapter.person-key-secret: is not base64");
        assertThatThrownBy(() -> withSecret(tooShort))
                .hasMessage("adapter.person-key-secret: has 31 bytes; it needs at least 32");
        assertThat(withSecret(SECRET).personKeys().of("11010519491231002X"))
                .isEqualTo(new PersonKeys(new byte[PersonKeys.MINIMUM_SECRET_BYTES]).of("11010519491231002X"));
        assertThat(withSecret(SECRET).toString()).doesNotContain(SECRET);
    }

    @Test
    void anAdapterWithoutTheKeysItTrustsOrItsSigningKeyDoesNotStart() {
        assertThatThrownBy(() -> withKeys(null, SIGNING)).hasMessage("adapter.agency-keys: is missing: the adapter "
                + "needs the file of the agencies' public keys to verify the facts it reads");
        assertThatThrownBy(() -> withKeys(AGENCY_KEYS.resolveSibling("no-such-agency-keys.properties"), SIGNING))
                .hasMessageStartingWith("adapter.agency-keys: cannot read the agency keys at ");
        assertThatThrownBy(() -> withKeys(AGENCY_KEYS, new AdapterProperties.Signing(null, SIGNING.privateKey())))
                .hasMessageStartingWith("adapter.signing.key-id: is missing");
        assertThatThrownBy(() -> withKeys(AGENCY_KEYS, new AdapterProperties.Signing("police 530600",
                SIGNING.privateKey()))).hasMessageStartingWith("adapter.signing.key-id: 'police 530600' is no key id");
        assertThatThrownBy(() -> withKeys(AGENCY_KEYS, new AdapterProperties.Signing("police-530600", " ")))
                .hasMessageStartingWith("adapter.signing.private-key: is missing");
        assertThatThrownBy(() -> withKeys(AGENCY_KEYS, new AdapterProperties.Signing("police-530600",
                OriginKeys.encoded(POLICE_KEY.getPublic()))))
                .hasMessageStartingWith("adapter.signing.private-key: is not an Ed25519 private key");
        assertThat(withKeys(AGENCY_KEYS, SIGNING).trustedKeys().find("police-530600")).isPresent();
        assertThat(withKeys(AGENCY_KEYS, SIGNING).toString()).doesNotContain(SIGNING.privateKey());
    }

    private static AdapterProperties withKeys(Path agencyKeys, AdapterProperties.Signing signing) {
        return new AdapterProperties(List.of("530600"), List.of(COUNTY), List.of(), KAFKA, DELIVERY, null, SECRET,
                agencyKeys, signing);
    }

    private static AdapterProperties withSecret(String secret) {
        return new AdapterProperties(List.of("530600"), List.of(COUNTY), List.of(), KAFKA, DELIVERY, null, secret,
                AGENCY_KEYS, SIGNING);
    }

    private static AdapterProperties properties(AgencyClient... clients) {
        return new AdapterProperties(List.of("530600"), List.of(clients), List.of(), KAFKA, DELIVERY, null, SECRET,
                AGENCY_KEYS, SIGNING);
    }

    private static AgencyClient withWebhook(String id, String url, String secret) {
        return new AgencyClient(id, "d".repeat(64), List.of("530600"),
                new AgencyClient.Webhook(url == null ? null : URI.create(url), secret));
    }
}
