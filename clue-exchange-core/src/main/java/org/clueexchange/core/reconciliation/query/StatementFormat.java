package org.clueexchange.core.reconciliation.query;

import java.util.Locale;

/** The forms an officer can take a statement in. */
public enum StatementFormat {
    JSON("application/json", "json"),
    CSV("text/csv;charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    /** A page to print and sign. */
    HTML("text/html;charset=UTF-8", "html");

    private final String mediaType;
    private final String extension;

    StatementFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String fileName(String statementId) {
        return statementId + "." + extension;
    }

    /** The format named, in any case; nothing around the name, where a control character could hide. */
    public static StatementFormat of(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "' is not one of json, csv, xlsx, html", e);
        }
    }
}
