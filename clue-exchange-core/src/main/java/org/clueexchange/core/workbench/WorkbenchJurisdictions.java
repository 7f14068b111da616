package org.clueexchange.core.workbench;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.clueexchange.wire.Jurisdictions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The jurisdictions an officer may choose a statement of: their own, and every county, prefecture and province
 * within it that a clue on the ledger was sent from or to, each with the levels above it that lie within.
 */
@Component
class WorkbenchJurisdictions {

    /** A jurisdiction to choose, with its level (省级, 市级, 县级) for the choice to group by. */
    record Choice(String code, String level) {
    }

    private final JdbcClient jdbc;

    WorkbenchJurisdictions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Province first, then prefectures, then counties, each in code order. */
    List<Choice> within(String scope) {
        Jurisdictions.Range range = Jurisdictions.rangeOf(scope);
        TreeSet<String> codes = new TreeSet<>(List.of(scope));
        jdbc.sql("SELECT sender_jurisdiction AS code FROM transfer_ledger WHERE sender_jurisdiction BETWEEN :first "
                        + "AND :last UNION SELECT receiver_jurisdiction FROM transfer_ledger "
                        + "WHERE receiver_jurisdiction BETWEEN :first AND :last")
                .param("first", range.first()).param("last", range.last())
                .query(String.class).list().forEach(code -> {
                    codes.add(code);
                    codes.add(code.substring(0, 4) + "00");
                    codes.add(code.substring(0, 2) + "0000");
                });
        List<Choice> choices = new ArrayList<>();
        for (String level : List.of("0000", "00", "")) {
            codes.stream().filter(code -> Jurisdictions.liesWithin(code, scope) && levelOf(code).equals(level))
                    .forEach(code -> choices.add(new Choice(code, label(level))));
        }
        return choices;
    }

    private static String levelOf(String code) {
        return code.endsWith("0000") ? "0000" : code.endsWith("00") ? "00" : "";
    }

    private static String label(String level) {
        return switch (level) {
            case "0000" -> "省级 province";
            case "00" -> "市级 prefecture";
            default -> "县级 county";
        };
    }
}
