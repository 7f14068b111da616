package org.clueexchange.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clueexchange.adapter.access.BearerTokens;

/**
 * The people who may call a core, each with a bearer token new at every start: an auditor, an operator and a
 * reconciliation officer per jurisdiction. The core learns only the tokens' SHA-256.
 */
public final class CoreCredentials {

    public static final String AUDITOR = "auditor";
    public static final String OPERATOR = "operator";

    private record Person(String id, String role, String jurisdiction, String token) {
    }

    private final List<Person> people;

    private CoreCredentials(List<Person> people) {
        this.people = List.copyOf(people);
    }

    /** An auditor, an operator, and an officer for each of {@code jurisdictions} (see {@link #officer}). */
    public static CoreCredentials generate(String... jurisdictions) {
        List<Person> people = new ArrayList<>(List.of(new Person(AUDITOR, "AUDITOR", null, newToken()),
                new Person(OPERATOR, "OPERATOR", null, newToken())));
        for (String jurisdiction : jurisdictions) {
            people.add(new Person(officer(jurisdiction), "OFFICER", jurisdiction, newToken()));
        }
        return new CoreCredentials(people);
    }

    /** The id of the officer for {@code jurisdiction} and everything inside it. */
    public static String officer(String jurisdiction) {
        return "officer-" + jurisdiction;
    }

    /** A bearer token: 32 random bytes in hex. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The core's settings that let these people in ({@code clue-exchange.access.users}). */
    public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < people.size(); i++) {
            Person person = people.get(i);
            String prefix = "clue-exchange.access.users[" + i + "].";
            settings.put(prefix + "id", person.id());
            settings.put(prefix + "token-sha256", BearerTokens.hash(person.token()));
            settings.put(prefix + "role", person.role());
            if (person.jurisdiction() != null) {
                settings.put(prefix + "jurisdiction", person.jurisdiction());
            }
        }
        return settings;
    }

    public String token(String id) {
        return people.stream().filter(person -> person.id().equals(id)).findFirst().map(Person::token)
                .orElseThrow(() -> new IllegalArgumentException("no core user " + id));
    }

    /** Everybody's token. */
    public List<String> tokens() {
        return people.stream().map(Person::token).toList();
    }

    /** Calls the core at {@code core} as {@code id}. */
    public JsonHttp as(URI core, String id) {
        return new JsonHttp(core, token(id));
    }

    /** Adds the tokens, one {@code CORE_<ID>_TOKEN=} line each, to a file only its owner reads. */
    public void appendTo(Path file) {
        StringBuilder lines = new StringBuilder("# Bearer tokens of the core's users; new at every start.\n");
        people.forEach(person -> lines.append("CORE_").append(person.id().toUpperCase().replace('-', '_'))
                .append("_TOKEN=").append(person.token()).append('\n'));
        try {
            Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
