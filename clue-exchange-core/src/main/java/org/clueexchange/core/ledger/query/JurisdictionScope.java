package org.clueexchange.core.ledger.query;

import org.clueexchange.persistence.JurisdictionSql;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The clues sent or received within a jurisdiction, as a condition on {@code transfer_ledger l}: a county, or a
 * prefecture or province with all that lies within it.
 */
final class JurisdictionScope {

    static final String CONDITION = "(" + JurisdictionSql.within("l.sender_jurisdiction", "scope") + " OR "
            + JurisdictionSql.within("l.receiver_jurisdiction", "scope") + ")";

    private JurisdictionScope() {
    }

    /** Binds {@link #CONDITION} to {@code jurisdiction}: 530600 → 530600 to 530699. */
    static MapSqlParameterSource bind(MapSqlParameterSource params, String jurisdiction) {
        return JurisdictionSql.bind(params, "scope", jurisdiction);
    }
}
