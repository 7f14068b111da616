package org.clueexchange.adapter;

import org.clueexchange.wire.Jurisdictions;

/** The rules every adapter API applies to the fields all its requests share. */
public final class ApiFields {

    /**
     * An agency system's own id of a request: with the system, the clue (or statement) and the kind of request, the
     * key that makes a retry the same request.
     */
    public static final String RECORD_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    public static final String RECORD_ID_RULE = "must be 1-64 of A-Z a-z 0-9 . _ - and start with a letter or digit";
    public static final String JURISDICTION = Jurisdictions.CODE_PATTERN;
    public static final String JURISDICTION_RULE = Jurisdictions.CODE_RULE;
    public static final String SHA256 = "[0-9a-f]{64}";
    public static final String SHA256_RULE = "must be 64 lower-case hex digits";
    /** How a list beyond its limit ({@code @Size(max = ...)}) is refused, in the contract validator's words. */
    public static final String TOO_MANY_ENTRIES = "more than {max} entries";

    private ApiFields() {
    }
}
