package org.clueexchange.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.clueexchange.adapter.access.BearerTokens;
import org.clueexchange.infrastructure.CoreCredentials;

/**
 * The bearer tokens of the sample agency systems, new at every start: the adapters learn only their SHA-256, and
 * the tokens themselves go to a file only the current user can read.
 */
public record AgencySystemCredentials(String policeCaseSystem, String disciplineClueSystem) {

    public static AgencySystemCredentials generate() {
        return new AgencySystemCredentials(CoreCredentials.newToken(), CoreCredentials.newToken());
    }

    /** The adapter setting that lets one client in, for one jurisdiction. */
    static String clientsJson(String clientId, String token, String jurisdiction) {
        return "{\"adapter\":{\"clients\":[{\"id\":\"" + clientId + "\",\"token-sha256\":\""
                + BearerTokens.hash(token) + "\",\"jurisdictions\":[\"" + jurisdiction + "\"]}]}}";
    }

    public Path writeTo(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, "# Bearer tokens of the sample agency systems; new at every start.\n"
                    + "POLICE_CASE_SYSTEM_TOKEN=" + policeCaseSystem + "\n"
                    + "DISCIPLINE_CLUE_SYSTEM_TOKEN=" + disciplineClueSystem + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
