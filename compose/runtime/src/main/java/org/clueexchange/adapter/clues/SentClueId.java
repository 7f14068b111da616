package org.clueexchange.adapter.clues;

import org.clueexchange.events.AgencyType;

/**
 * The id an adapter gives a clue its agency transfers, unique across agencies and jurisdictions: the sending
 * agency, its jurisdiction and the agency system's own record id of the transfer, e.g. {@code POLICE-530600-XS001}.
 */
public record SentClueId(AgencyType sender, String jurisdiction, String recordId) {

    /** Reads {@link #toString()}'s form back; record ids may themselves contain hyphens. */
    public static SentClueId parse(String clueId) {
        String[] parts = clueId.split("-", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("'" + clueId + "' is not an agency-jurisdiction-record clue id");
        }
        return new SentClueId(AgencyType.valueOf(parts[0]), parts[1], parts[2]);
    }

    @Override
    public String toString() {
        return sender + "-" + jurisdiction + "-" + recordId;
    }
}
