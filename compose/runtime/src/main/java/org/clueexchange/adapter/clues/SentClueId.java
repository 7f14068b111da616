package org.clueexchange.adapter.clues;

import java.util.Optional;
import org.clueexchange.adapter.ApiFields;
import org.clueexchange.events.AgencyType;
import org.clueexchange.wire.Jurisdictions;

/**
 * The id an adapter gives a clue its agency transfers, unique across agencies and jurisdictions: the sending
 * agency, its jurisdiction and the agency system's own record id of the transfer, e.g. {@code POLICE-530600-XS001}.
 * A receiver that got the clue outside the exchange reads the sender from it.
 */
public record SentClueId(AgencyType sender, String jurisdiction, String recordId) {

    /** What a clue id an adapter gives looks like, in the words a refusal names it with. */
    public static final String FORM =
            "a clue id an adapter gives, <POLICE|DISCIPLINE>-<jurisdiction>-<record id> like POLICE-530600-XS001";

    /**
     * Reads {@link #toString()}'s form back; record ids may themselves contain hyphens.
     *
     * @throws IllegalArgumentException if no adapter gives such an id
     */
    public static SentClueId parse(String clueId) {
        return read(clueId).orElseThrow(() -> new IllegalArgumentException("'" + clueId + "' is not " + FORM));
    }

    /**
     * The agency, jurisdiction and record an id names, if an adapter could have given it: a known agency, a GB/T
     * 2260 code and a record id a request may carry.
     */
    public static Optional<SentClueId> read(String clueId) {
        String[] parts = clueId.split("-", 3);
        if (parts.length != 3 || !(parts[0].equals(AgencyType.POLICE.name())
                || parts[0].equals(AgencyType.DISCIPLINE.name()))
                || !Jurisdictions.isValid(parts[1]) || !parts[2].matches(ApiFields.RECORD_ID)) {
            return Optional.empty();
        }
        return Optional.of(new SentClueId(AgencyType.valueOf(parts[0]), parts[1], parts[2]));
    }

    @Override
    public String toString() {
        return sender + "-" + jurisdiction + "-" + recordId;
    }
}
