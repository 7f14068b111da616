package org.clueexchange.wire.origin;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.clueexchange.events.AgencyType;

/**
 * The public keys every reader of the exchange trusts, one properties file shared by the core, both adapters and
 * the offline verifier. Each key is five properties under its id:
 *
 * <pre>
 * police-530600-2026.agency=POLICE
 * police-530600-2026.jurisdictions=530600
 * police-530600-2026.public-key=MCowBQYDK2VwAyEA…   (base64 X.509)
 * police-530600-2026.valid-from=2026-01-01T00:00:00Z
 * police-530600-2026.valid-until=2027-01-01T00:00:00Z   (optional: left out while the key is current)
 * </pre>
 *
 * The file holds no secret, but it decides whose facts count: it is distributed like a certificate authority's
 * roots, by the agencies' security officers, never taken from the topics themselves.
 */
public final class AgencyKeys {

    /** What a key id may be: it names the key in every signed record and in this file's property names. */
    public static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Map<String, AgencyKey> byId;

    public AgencyKeys(Collection<AgencyKey> keys) {
        Map<String, AgencyKey> ids = new LinkedHashMap<>();
        for (AgencyKey key : keys) {
            if (ids.put(key.keyId(), key) != null) {
                throw new IllegalArgumentException("key " + key.keyId() + " is listed twice");
            }
        }
        this.byId = Map.copyOf(ids);
    }

    public static AgencyKeys load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the agency keys at " + file + ": " + e.getMessage(), e);
        }
    }

    public static AgencyKeys parse(String text) {
        try {
            return read(new StringReader(text));
        } catch (IOException e) {
            throw new IllegalStateException("a string reader does not fail", e);
        }
    }

    private static AgencyKeys read(Reader reader) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        TreeSet<String> ids = new TreeSet<>();
        for (String name : properties.stringPropertyNames()) {
            int dot = name.indexOf('.');
            String id = dot < 0 ? name : name.substring(0, dot);
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("'" + name + "' does not start with a key id (letters, digits, "
                        + "- and _, at most 64)");
            }
            ids.add(id);
        }
        return new AgencyKeys(ids.stream().map(id -> key(id, properties)).toList());
    }

    private static AgencyKey key(String id, Properties properties) {
        String agency = required(id, "agency", properties);
        AgencyType type;
        try {
            type = AgencyType.valueOf(agency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(id + ".agency is " + agency + ", not POLICE or DISCIPLINE", e);
        }
        if (type == AgencyType.UNKNOWN) {
            throw new IllegalArgumentException(id + ".agency must be POLICE or DISCIPLINE");
        }
        List<String> jurisdictions = Arrays.stream(required(id, "jurisdictions", properties).split("[,\\s]+"))
                .filter(code -> !code.isEmpty()).toList();
        String until = properties.getProperty(id + ".valid-until", "").strip();
        try {
            return new AgencyKey(id, type, jurisdictions,
                    OriginKeys.publicKey(required(id, "public-key", properties)),
                    instant(id, "valid-from", required(id, "valid-from", properties)),
                    until.isEmpty() ? null : instant(id, "valid-until", until));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(id + ": " + e.getMessage(), e);
        }
    }

    private static String required(String id, String property, Properties properties) {
        String value = properties.getProperty(id + "." + property, "").strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException(id + "." + property + " is missing");
        }
        return value;
    }

    private static Instant instant(String id, String property, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(id + "." + property + " is " + value
                    + ", not an instant such as 2026-01-01T00:00:00Z", e);
        }
    }

    public Optional<AgencyKey> find(String keyId) {
        return Optional.ofNullable(byId.get(keyId));
    }

    public Collection<AgencyKey> all() {
        return byId.values();
    }

    /** The keys as {@link #load} reads them back. */
    public String text() {
        StringBuilder text = new StringBuilder();
        byId.values().stream().sorted(Comparator.comparing(AgencyKey::keyId)).forEach(key -> {
            text.append(key.keyId()).append(".agency=").append(key.agency()).append('\n');
            text.append(key.keyId()).append(".jurisdictions=").append(String.join(",", key.jurisdictions()))
                    .append('\n');
            text.append(key.keyId()).append(".public-key=").append(OriginKeys.encoded(key.publicKey())).append('\n');
            text.append(key.keyId()).append(".valid-from=").append(key.validFrom()).append('\n');
            if (key.validUntil() != null) {
                text.append(key.keyId()).append(".valid-until=").append(key.validUntil()).append('\n');
            }
        });
        return text.toString();
    }
}
