package org.clueexchange.core.ledger.messages;

import org.clueexchange.events.Agency;
import org.clueexchange.events.AgencyType;
import org.clueexchange.wire.ClueEvents;

/** An agency in one jurisdiction, e.g. the discipline commission of Zhaotong: {@code DISCIPLINE@530600}. */
public record AgencyId(AgencyType type, String jurisdiction) {

    public static AgencyId of(Agency agency) {
        return new AgencyId(agency.getType(), agency.getJurisdiction());
    }

    /** Reads {@link #toString()}'s form back: {@code DISCIPLINE@530600}. */
    public static AgencyId parse(String text) {
        return of(ClueEvents.agencyNamed(text));
    }

    @Override
    public String toString() {
        return ClueEvents.nameOf(type, jurisdiction);
    }
}
