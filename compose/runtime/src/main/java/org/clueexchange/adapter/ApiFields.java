package org.clueexchange.adapter;

import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.Jurisdictions;

/** The rules every adapter API applies to the fields all its requests share. */
public final class ApiFields {

    /**
     * An agency system's own id of a request: with the system, the clue (or statement) and the kind of request, the
     * key that makes a retry the same request. A transfer's makes its clue id, so it is of the characters a clue id
     * holds (64 of them, code points, leave a clue id's agency and jurisdiction room within its 128).
     */
    public static final String RECORD_ID = ClueEvents.ID_START + "[" + ClueEvents.ID_CHARACTERS + "]{0,63}";
    public static final String RECORD_ID_RULE =
            "must be 1-64 " + ClueEvents.ID_CHARACTERS_RULE + ", starting with a letter or digit";
    /**
     * A police case number (案件编号) as the gang-case facts carry it, their Kafka key: the characters of a record
     * id, so that it fits in a URL path segment.
     */
    public static final String CASE_NUMBER = RECORD_ID;
    public static final String CASE_NUMBER_RULE = RECORD_ID_RULE;
    /**
     * The name of every request field that holds a person's ID number: what an adapter keeps of a request, to tell
     * a retry, names the person by key instead ({@code AssertedFacts}).
     */
    public static final String ID_NUMBER = "idNumber";
    public static final String JURISDICTION = Jurisdictions.CODE_PATTERN;
    public static final String JURISDICTION_RULE = Jurisdictions.CODE_RULE;
    public static final String SHA256 = "[0-9a-f]{64}";
    public static final String SHA256_RULE = "must be 64 lower-case hex digits";
    /** How a list beyond its limit ({@code @Size(max = ...)}) is refused, in the contract validator's words. */
    public static final String TOO_MANY_ENTRIES = "more than {max} entries";

    private ApiFields() {
    }
}
