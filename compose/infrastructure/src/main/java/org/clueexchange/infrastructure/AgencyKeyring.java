package org.clueexchange.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.EventEnvelope;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.Jurisdictions;
import org.clueexchange.wire.TimeBounds;
import org.clueexchange.wire.origin.AgencyKey;
import org.clueexchange.wire.origin.AgencyKeys;
import org.clueexchange.wire.origin.OriginKeys;
import org.clueexchange.wire.origin.OriginSigner;

/**
 * Agencies' signing keys with their private halves, for whoever plays the agencies' adapters on this machine: the
 * embedded launcher, which makes one per adapter and run, and the tests, which sign the facts they put straight onto
 * the topics as an adapter would. Every key is made afresh, none is kept anywhere but in memory and in the public
 * keys file it writes.
 */
public final class AgencyKeyring {

    /** The settings an adapter signs with, and where it finds the keys it trusts. */
    public static final String SIGNING_KEY_ID = "adapter.signing.key-id";
    public static final String SIGNING_PRIVATE_KEY = "adapter.signing.private-key";
    public static final String ADAPTER_AGENCY_KEYS = "adapter.agency-keys";
    /** The core's setting of the keys it trusts. */
    public static final String CORE_AGENCY_KEYS = "clue-exchange.agency-keys";

    /** Every province code the contract allows: a key for all of them speaks for every jurisdiction. */
    private static final List<String> EVERY_PROVINCE = IntStream.rangeClosed(10, 89)
            .mapToObj(province -> province + "0000").toList();
    private static AgencyKeyring forTests;

    /** A key an agency signs with: its public half as every reader trusts it, and its private half. */
    public record Signing(AgencyKey key, PrivateKey privateKey) {

        public OriginSigner signer() {
            return new OriginSigner(key.keyId(), privateKey);
        }

        /** What an adapter signing with this key is given: its id and private key. */
        public Map<String, String> adapterSettings() {
            return Map.of(SIGNING_KEY_ID, key.keyId(), SIGNING_PRIVATE_KEY, OriginKeys.encoded(privateKey));
        }
    }

    private final List<Signing> keys;
    private Path file;

    private AgencyKeyring(List<Signing> keys) {
        this.keys = List.copyOf(keys);
        trusted();
    }

    /** A new key of {@code agency} for these jurisdictions, covering every fact from the contract's first instant. */
    public static Signing generate(String keyId, AgencyType agency, String... jurisdictions) {
        KeyPair pair = OriginKeys.generate();
        return new Signing(new AgencyKey(keyId, agency, List.of(jurisdictions), pair.getPublic(),
                TimeBounds.EARLIEST, null), pair.getPrivate());
    }

    public static AgencyKeyring of(Signing... keys) {
        return new AgencyKeyring(List.of(keys));
    }

    /**
     * The keys of this test JVM: one police and one discipline key, each for every jurisdiction, made once per run.
     * Applications a test starts trust them ({@link #file()}), and {@link AgencyTopics} signs with them.
     */
    public static synchronized AgencyKeyring forTests() {
        if (forTests == null) {
            forTests = of(generate("test-police", AgencyType.POLICE, EVERY_PROVINCE.toArray(String[]::new)),
                    generate("test-discipline", AgencyType.DISCIPLINE, EVERY_PROVINCE.toArray(String[]::new)));
        }
        return forTests;
    }

    /** These keys and {@code others}'. */
    public AgencyKeyring with(AgencyKeyring others) {
        return new AgencyKeyring(Stream.concat(keys.stream(), others.keys.stream()).toList());
    }

    /** The first key of {@code agency} that speaks for {@code jurisdiction}. */
    public Optional<Signing> signing(AgencyType agency, String jurisdiction) {
        return keys.stream().filter(signing -> signing.key().agency() == agency && signing.key().jurisdictions()
                .stream().anyMatch(scope -> Jurisdictions.isValid(jurisdiction)
                        && Jurisdictions.liesWithin(jurisdiction, scope))).findFirst();
    }

    /** The first key of {@code agency}. */
    public Signing signing(AgencyType agency) {
        return keys.stream().filter(signing -> signing.key().agency() == agency).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no key of " + agency + " in the keyring"));
    }

    /** The public halves, as every reader trusts them. */
    public AgencyKeys trusted() {
        return new AgencyKeys(keys.stream().map(Signing::key).toList());
    }

    public Path writeTo(Path target) {
        try {
            return Files.writeString(target, trusted().text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the agency keys to " + target, e);
        }
    }

    /** The public keys file of this keyring, written once to a file of its own that goes with the JVM. */
    public synchronized Path file() {
        if (file == null) {
            try {
                file = Files.createTempFile("agency-keys-", ".properties");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make a file for the agency keys", e);
            }
            file.toFile().deleteOnExit();
            writeTo(file);
        }
        return file;
    }

    /**
     * The {@code clue-exchange.origin} header of each fact, as the asserting agency's adapter would sign them, each
     * agency's facts as one batch; none for an event no agency asserts, or one of an agency without a key here.
     */
    public List<byte[]> origins(List<SpecificRecord> events, List<byte[]> facts) {
        List<byte[]> origins = new ArrayList<>(Collections.nCopies(events.size(), (byte[]) null));
        Map<Signing, List<Integer>> bySigner = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            if (ClueEvents.publishedByCore(events.get(i))) {
                continue;
            }
            EventEnvelope envelope = ClueEvents.envelopeOf(events.get(i));
            int index = i;
            signing(envelope.getAssertedBy().getType(), envelope.getAssertedBy().getJurisdiction())
                    .ifPresent(signing -> bySigner.computeIfAbsent(signing, any -> new ArrayList<>()).add(index));
        }
        bySigner.forEach((signing, indexes) -> {
            List<byte[]> signed = signing.signer().sign(indexes.stream().map(facts::get).toList());
            for (int i = 0; i < indexes.size(); i++) {
                origins.set(indexes.get(i), signed.get(i));
            }
        });
        return origins;
    }
}
