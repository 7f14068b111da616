package org.clueexchange.core.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.clueexchange.persistence.JurisdictionSql;
import org.clueexchange.persistence.Timestamps;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Compares two schemas' transfer ledgers row by row and period by period, in SQL on one connection: the live
 * ledger and a replayed one. Columns that observe the live system rather than follow from the facts (when a fact
 * reached the ledger; the facts' positions, which live in tables of their own) are left out. Only field names are
 * reported, never values: a row may hold an official's name.
 *
 * <p>A period digest (对账期摘要) is defined per jurisdiction of the asserting agency and month (cut in UTC+8) of
 * the facts' occurrence: the SHA-256 of the period's facts, in event id order, each as the JSON of its row followed
 * by the anomalies it carries, times written in UTC. Both schemas' digests are computed by the same statement.
 */
public final class LedgerComparison {

    /** What scopes a comparison: a jurisdiction, a range of occurrence; {@code null} for no bound. */
    public record Scope(String jurisdiction, Instant from, Instant to) {

        public static final Scope EVERYTHING = new Scope(null, null, null);
    }

    /** One row that differs: the clue, the table and the row's key, and which fields (or which side lacks it). */
    public record Difference(String clueId, String table, String key, String what) {

        @Override
        public String toString() {
            return clueId + " · " + table + " " + key + ": " + what;
        }
    }

    /** A period whose digests differ, with each side's number of facts. */
    public record PeriodDifference(String jurisdiction, String month, long liveFacts, long replayedFacts,
                                   String liveDigest, String replayedDigest) {

        @Override
        public String toString() {
            return jurisdiction + " " + month + ": live " + liveFacts + " facts " + abbreviated(liveDigest)
                    + ", replayed " + replayedFacts + " facts " + abbreviated(replayedDigest);
        }

        private static String abbreviated(String digest) {
            return digest == null ? "(none)" : digest.substring(0, 16);
        }
    }

    public record Result(List<Difference> rows, List<PeriodDifference> periods, int periodsCompared) {

        public boolean identical() {
            return rows.isEmpty() && periods.isEmpty();
        }
    }

    private record Table(String name, List<String> key, List<String> observations) {
    }

    private static final List<Table> TABLES = List.of(
            new Table("transfer_ledger", List.of("clue_id"), List.of()),
            new Table("ledger_subject", List.of("clue_id", "position"), List.of()),
            new Table("ledger_fact", List.of("event_id"), List.of("recorded_at")),
            new Table("ledger_anomaly", List.of("clue_id", "fact_event_id", "related_event_id", "kind"), List.of()),
            new Table("ledger_clock", List.of("clue_id", "clock"), List.of()),
            new Table("ledger_outcome", List.of("clue_id", "fact", "outcome"), List.of()));
    /** How many differing rows a table reports at most; a replay that differs everywhere says so soon enough. */
    private static final int MOST_ROWS = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public LedgerComparison(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        transaction.setReadOnly(true);
    }

    public Result compare(String liveSchema, String replayedSchema, Scope scope) {
        return transaction.execute(status -> {
            jdbc.getJdbcTemplate().execute("SET LOCAL TIME ZONE 'UTC'");
            List<Difference> rows = new ArrayList<>();
            for (Table table : TABLES) {
                rows.addAll(differences(table, liveSchema, replayedSchema, scope));
            }
            Map<String, Period> live = periods(liveSchema, scope);
            Map<String, Period> replayed = periods(replayedSchema, scope);
            Set<String> all = new TreeSet<>(live.keySet());
            all.addAll(replayed.keySet());
            List<PeriodDifference> periods = new ArrayList<>();
            for (String period : all) {
                Period one = live.get(period);
                Period other = replayed.get(period);
                if (one == null || other == null || !one.digest().equals(other.digest())) {
                    Period either = one != null ? one : other;
                    periods.add(new PeriodDifference(either.jurisdiction(), either.month(),
                            one == null ? 0 : one.facts(), other == null ? 0 : other.facts(),
                            one == null ? null : one.digest(), other == null ? null : other.digest()));
                }
            }
            return new Result(rows, periods, all.size());
        });
    }

    /** The period digests of one schema's ledger, by jurisdiction and month. */
    public Map<String, Period> periods(String schema, Scope scope) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String within = factsWithin(scope, params, "f");
        Map<String, Period> periods = new HashMap<>();
        jdbc.query("""
                SELECT jurisdiction, month, count(*) AS facts,
                    encode(sha256(convert_to(string_agg(canonical, E'\\n' ORDER BY event_id), 'UTF8')), 'hex') AS digest
                FROM (SELECT f.event_id, split_part(f.asserted_by, '@', 2) AS jurisdiction,
                        to_char(f.occurred_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
                        jsonb_build_array(to_jsonb(f) - 'recorded_at', (SELECT coalesce(jsonb_agg(to_jsonb(a)
                            ORDER BY a.related_event_id, a.kind), '[]') FROM %1$s.ledger_anomaly a
                            WHERE a.clue_id = f.clue_id AND a.fact_event_id = f.event_id))::text AS canonical
                    FROM %1$s.ledger_fact f WHERE %2$s) facts
                GROUP BY jurisdiction, month
                """.formatted(quoted(schema), within), params, rs -> {
                    Period period = new Period(rs.getString("jurisdiction"), rs.getString("month"),
                            rs.getLong("facts"), rs.getString("digest"));
                    periods.put(period.jurisdiction() + " " + period.month(), period);
                });
        return periods;
    }

    /** A period's digest. */
    public record Period(String jurisdiction, String month, long facts, String digest) {
    }

    private List<Difference> differences(Table table, String liveSchema, String replayedSchema, Scope scope) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String clues = cluesWithin(scope, params, liveSchema, replayedSchema);
        String key = "jsonb_build_array(" + String.join(", ", table.key().stream().map(column -> "t." + column)
                .toList()) + ")";
        String row = "to_jsonb(t) - CAST(:observations AS TEXT[])";
        params.addValue("observations", table.observations().toArray(String[]::new));
        String side = "SELECT " + key + " AS key, t.clue_id, " + row + " AS row FROM %s." + table.name()
                + " t WHERE " + clues;
        List<Difference> differences = new ArrayList<>();
        jdbc.query("WITH live AS (" + side.formatted(quoted(liveSchema)) + "), replayed AS ("
                        + side.formatted(quoted(replayedSchema)) + ") "
                        + "SELECT coalesce(l.clue_id, r.clue_id) AS clue_id, coalesce(l.key, r.key)::text AS key, "
                        + "l.row::text AS live, r.row::text AS replayed "
                        + "FROM live l FULL JOIN replayed r ON l.key = r.key WHERE l.row IS DISTINCT FROM r.row "
                        + "ORDER BY 1, 2 LIMIT " + MOST_ROWS, params,
                rs -> {
                    String live = rs.getString("live");
                    String replayed = rs.getString("replayed");
                    String what = live == null ? "only in the replayed ledger"
                            : replayed == null ? "only in the live ledger"
                            : "fields " + String.join(", ", fieldsDiffering(live, replayed));
                    differences.add(new Difference(rs.getString("clue_id"), table.name(), rs.getString("key"),
                            what));
                });
        return differences;
    }

    private static Set<String> fieldsDiffering(String live, String replayed) {
        try {
            JsonNode one = JSON.readTree(live);
            JsonNode other = JSON.readTree(replayed);
            Set<String> fields = new LinkedHashSet<>();
            for (Iterator<String> names = one.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!one.get(name).equals(other.get(name))) {
                    fields.add(name);
                }
            }
            for (Iterator<String> names = other.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!one.has(name)) {
                    fields.add(name);
                }
            }
            return fields;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL wrote a row that is no JSON", e);
        }
    }

    /**
     * The clues a comparison covers, in either schema: those of the jurisdiction (as sender or receiver), and those
     * with a fact that occurred within the range.
     */
    private static String cluesWithin(Scope scope, MapSqlParameterSource params, String... schemas) {
        if (scope.jurisdiction() == null && scope.from() == null && scope.to() == null) {
            return "TRUE";
        }
        List<String> selections = new ArrayList<>();
        for (String schema : schemas) {
            List<String> conditions = new ArrayList<>();
            if (scope.jurisdiction() != null) {
                JurisdictionSql.bind(params, "jurisdiction", scope.jurisdiction());
                conditions.add("(" + JurisdictionSql.within("l.sender_jurisdiction", "jurisdiction") + " OR "
                        + JurisdictionSql.within("l.receiver_jurisdiction", "jurisdiction") + ")");
            }
            if (scope.from() != null || scope.to() != null) {
                conditions.add("EXISTS (SELECT 1 FROM " + quoted(schema) + ".ledger_fact f WHERE f.clue_id = l.clue_id"
                        + " AND " + occurredWithin(scope, params, "f") + ")");
            }
            selections.add("SELECT l.clue_id FROM " + quoted(schema) + ".transfer_ledger l WHERE "
                    + String.join(" AND ", conditions));
        }
        return "t.clue_id IN (" + String.join(" UNION ", selections) + ")";
    }

    private static String factsWithin(Scope scope, MapSqlParameterSource params, String alias) {
        List<String> conditions = new ArrayList<>(List.of(occurredWithin(scope, params, alias)));
        if (scope.jurisdiction() != null) {
            JurisdictionSql.bind(params, "jurisdiction", scope.jurisdiction());
            conditions.add(JurisdictionSql.within("CAST(split_part(" + alias + ".asserted_by, '@', 2) AS CHAR(6))",
                    "jurisdiction"));
        }
        return String.join(" AND ", conditions);
    }

    private static String occurredWithin(Scope scope, MapSqlParameterSource params, String alias) {
        List<String> conditions = new ArrayList<>(List.of("TRUE"));
        if (scope.from() != null) {
            params.addValue("from", Timestamps.of(scope.from()));
            conditions.add(alias + ".occurred_at >= :from");
        }
        if (scope.to() != null) {
            params.addValue("to", Timestamps.of(scope.to()));
            conditions.add(alias + ".occurred_at < :to");
        }
        return String.join(" AND ", conditions);
    }

    private static String quoted(String schema) {
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a schema name of the exchange's: " + schema);
        }
        return "\"" + schema + "\"";
    }
}
