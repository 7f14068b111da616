package org.clueexchange.persistence;

import java.util.ArrayList;
import java.util.List;
import org.clueexchange.wire.Jurisdictions;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * SQL that asks whether a CHAR(6) code column lies within a jurisdiction, as {@link Jurisdictions#rangeOf} defines
 * it: between the first and the last code it covers. A range rather than a LIKE prefix, because a statement
 * prepared often enough runs on a generic plan, which cannot turn a LIKE parameter into an index range: a
 * prefecture's query would then read the whole country's rows.
 */
public final class JurisdictionSql {

    private JurisdictionSql() {
    }

    /** The condition that {@code column} lies within the jurisdiction {@link #bind} binds as {@code name}. */
    public static String within(String column, String name) {
        return column + " BETWEEN CAST(:" + name + "First AS CHAR(6)) AND CAST(:" + name + "Last AS CHAR(6))";
    }

    /** Binds {@code name} to {@code jurisdiction}'s codes: 530600 → 530600 to 530699. */
    public static MapSqlParameterSource bind(MapSqlParameterSource params, String name, String jurisdiction) {
        Jurisdictions.Range range = Jurisdictions.rangeOf(jurisdiction);
        return params.addValue(name + "First", range.first()).addValue(name + "Last", range.last());
    }

    /** The condition that {@code column} lies within any of {@code jurisdictions}, bound to {@code params}. */
    public static String withinAny(String column, List<String> jurisdictions, MapSqlParameterSource params) {
        if (jurisdictions.isEmpty()) {
            return "FALSE";
        }
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < jurisdictions.size(); i++) {
            conditions.add(within(column, "scope" + i));
            bind(params, "scope" + i, jurisdictions.get(i));
        }
        return "(" + String.join(" OR ", conditions) + ")";
    }
}
