package org.clueexchange.core.ledger.messages;

import org.clueexchange.events.Agency;
import org.clueexchange.events.AgencyType;

/** An agency in one jurisdiction, e.g. the discipline commission of Zhaotong: {@code DISCIPLINE@530600}. */
public record AgencyId(AgencyType type, String jurisdiction) {

    public static AgencyId of(Agency agency) {
        return new AgencyId(agency.getType(), agency.getJurisdiction());
    }

    /** Reads {@link #toString()}'s form back: {@code DISCIPLINE@530600}. */
    public static AgencyId parse(String text) {
        int at = text.indexOf('@');
        return new AgencyId(AgencyType.valueOf(text.substring(0, at)), text.substring(at + 1));
    }

    @Override
    public String toString() {
        return type + "@" + jurisdiction;
    }
}
