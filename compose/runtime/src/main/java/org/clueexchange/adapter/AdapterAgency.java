package org.clueexchange.adapter;

import org.clueexchange.events.AgencyType;

/** The kind of agency an adapter speaks for, fixed in the adapter's code so that no setting can change it. */
public record AdapterAgency(AgencyType type) {

    /** The other kind: the agency whose facts this adapter receives. */
    public AgencyType counterpart() {
        return type == AgencyType.POLICE ? AgencyType.DISCIPLINE : AgencyType.POLICE;
    }
}
