package org.clueexchange.core.reconciliation.statement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The one text of a statement that its digest covers and that is kept as issued. Its own mapper, not the
 * application's, so that no setting elsewhere can change the text, and with it the digest, of the same statement.
 */
public final class StatementJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private StatementJson() {
    }

    public static String write(StatementText content) {
        try {
            return JSON.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("statement " + content.statementId() + " cannot be written", e);
        }
    }

    public static <T extends StatementText> T read(String text, Class<T> contentType) {
        try {
            return JSON.readValue(text, contentType);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored statement cannot be read", e);
        }
    }

    /** The summary tables alone, as {@code summary} holds them in a statement's text. */
    public static List<ReportTable> readSummary(String summary) {
        try {
            return JSON.readValue(summary, new TypeReference<List<ReportTable>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored statement's summary cannot be read", e);
        }
    }

    /** SHA-256 of the text's UTF-8 bytes, in lowercase hex: what each agency confirms. */
    public static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
