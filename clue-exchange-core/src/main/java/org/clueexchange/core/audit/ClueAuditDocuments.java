package org.clueexchange.core.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.clueexchange.api.RequestRefusedException;
import org.clueexchange.core.reconciliation.query.StatementFormat;
import org.springframework.stereotype.Component;

/** Writes a clue's audit in the forms it is taken in: JSON to keep, a page to print. */
@Component
public class ClueAuditDocuments {

    private final ObjectMapper json;

    ClueAuditDocuments(ObjectMapper json) {
        this.json = json;
    }

    /** The form named, {@code json} or {@code html}; any other is refused naming {@code format}. */
    public static StatementFormat format(String name) {
        return Stream.of(StatementFormat.JSON, StatementFormat.HTML)
                .filter(format -> format.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> RequestRefusedException.invalid("format", "'" + name + "' is not one of json, html"));
    }

    public byte[] write(ClueAudit audit, StatementFormat format) {
        if (format == StatementFormat.HTML) {
            return ClueAuditPage.of(audit).getBytes(StandardCharsets.UTF_8);
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(audit);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("the audit of " + audit.clueId() + " cannot be written as JSON", e);
        }
    }
}
