package org.clueexchange.core.ledger;

import org.clueexchange.wire.Jurisdictions;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The clues sent or received within a jurisdiction, as a condition on {@code transfer_ledger l}: a county, or a
 * prefecture or province with all that lies within it. It is a range of six-digit codes rather than a LIKE prefix:
 * a statement prepared often enough runs on a generic plan, which cannot turn a LIKE parameter into an index range,
 * and a prefecture's query would then read the whole country's ledger.
 */
final class JurisdictionScope {

    static final String CONDITION = "(l.sender_jurisdiction BETWEEN CAST(:scopeFirst AS CHAR(6)) "
            + "AND CAST(:scopeLast AS CHAR(6)) OR l.receiver_jurisdiction BETWEEN CAST(:scopeFirst AS CHAR(6)) "
            + "AND CAST(:scopeLast AS CHAR(6)))";

    private JurisdictionScope() {
    }

    /** Binds {@link #CONDITION} to {@code jurisdiction}: 530600 → 530600 to 530699. */
    static MapSqlParameterSource bind(MapSqlParameterSource params, String jurisdiction) {
        String prefix = Jurisdictions.significantPrefix(jurisdiction);
        return params.addValue("scopeFirst", padded(prefix, '0')).addValue("scopeLast", padded(prefix, '9'));
    }

    private static String padded(String prefix, char digit) {
        return prefix + String.valueOf(digit).repeat(6 - prefix.length());
    }
}
