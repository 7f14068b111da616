package org.clueexchange.core.reconciliation.quarterly.query;

import static org.clueexchange.persistence.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.clueexchange.core.casefile.CaseFactKind;
import org.clueexchange.core.ledger.FactKind;
import org.clueexchange.core.ledger.query.LedgerSnapshots;
import org.clueexchange.core.reconciliation.quarterly.statement.QuarterlyFacts;
import org.clueexchange.events.CaseCheck;
import org.clueexchange.events.EndorsementRole;
import org.clueexchange.events.GangCaseType;
import org.clueexchange.events.InvolvementRole;
import org.clueexchange.events.OfficialRank;
import org.clueexchange.persistence.JurisdictionSql;
import org.clueexchange.persistence.Timestamps;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The case files and the umbrella clues as the quarterly statement reads them, in bulk and in one snapshot with the
 * ledger's position in it. The case-file and ledger projections own these tables; this is their read side for
 * quarterly statements.
 */
@Component
public class QuarterlyCaseFiles {

    /** The province's facts that decide whether an umbrella was found in a solved case of a type. */
    private static final String RATIO_FACTS = "'GANG_CASE_REGISTERED', 'GANG_CASE_SOLVED', 'UMBRELLA_FINDING_MADE', "
            + "'ENDORSEMENT_SIGNED', 'RETRACE_ORDERED'";

    /**
     * By case number as {@code COLLATE "C"} orders them on UTF-8, code point by code point (String.compareTo, by
     * UTF-16 unit, would put a character beyond the Basic Multilingual Plane before a full-width bracket), then by
     * event id, whose lower-case hexadecimal text orders as the UUIDs do.
     */
    private static final Comparator<QuarterlyFacts.CaseFact> IN_CASE_ORDER =
            Comparator.comparing(QuarterlyFacts.CaseFact::caseNumber, QuarterlyCaseFiles::byCodePoint)
                    .thenComparing(QuarterlyFacts.CaseFact::eventId);

    private final JdbcClient jdbc;
    private final LedgerSnapshots snapshots;

    public QuarterlyCaseFiles(JdbcClient jdbc, LedgerSnapshots snapshots) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
    }

    /**
     * The case files as one snapshot saw them: its position, the facts, and the facts that came late, of the case
     * files and of the umbrella clues.
     */
    public record Snapshot(long position, QuarterlyFacts facts, List<QuarterlyFacts.CaseFact> late,
                           List<LateClueFact> lateClueFacts) {
    }

    /** A fact of an umbrella clue that reached the ledger after a statement of its period had been drawn up. */
    public record LateClueFact(String clueId, String caseNumber, FactKind fact, String assertedBy, Instant occurredAt,
                               long position) {
    }

    /**
     * What a statement of {@code jurisdiction} for [{@code start}, {@code end}) is drawn up from, in one snapshot with
     * the ledger's position ({@link LedgerSnapshots}).
     *
     * @param amendsAfter the position of the previous statement as both agencies confirmed it, above which the late
     *                    facts are taken; or null to take none
     */
    public Snapshot snapshot(String jurisdiction, Instant start, Instant end, Long amendsAfter) {
        String province = jurisdiction.substring(0, 2) + "0000";
        return snapshots.read(end, position -> {
            List<QuarterlyFacts.CaseFact> facts = caseFacts(jurisdiction, end, null);
            return new Snapshot(position, new QuarterlyFacts(facts, umbrellaClues(jurisdiction, end),
                    province.equals(jurisdiction) ? facts : caseFacts(province, end, RATIO_FACTS)),
                    amendsAfter == null ? List.of() : arrivedAfter(facts, start, amendsAfter),
                    amendsAfter == null ? List.of() : cluesArrivedAfter(jurisdiction, start, amendsAfter));
        });
    }

    /**
     * The facts of the gang cases of {@code jurisdiction} that occurred before {@code end}, of the kinds named, or all;
     * in the order of their case and event id, so that what is built from them does not depend on the database's.
     * A fact that does not count on its file (asserted from outside the case's jurisdiction, or a registration that
     * disagrees with the one the file counts) counts for nothing here; the registration the file counts carries the
     * case's type and name.
     */
    private List<QuarterlyFacts.CaseFact> caseFacts(String jurisdiction, Instant end, String kinds) {
        MapSqlParameterSource params = JurisdictionSql.bind(new MapSqlParameterSource(), "scope", jurisdiction)
                .addValue("end", Timestamps.of(end));
        List<QuarterlyFacts.CaseFact> facts = new ArrayList<>(jdbc.sql("""
                SELECT c.jurisdiction AS case_jurisdiction, f.case_number, f.fact, f.event_id, f.asserted_by,
                    f.occurred_at, f.position, f.person_key, f.person_name, f.unit, f.rank, f.role, f.check_kind,
                    f.text, f.umbrella_found, f.endorsement_role, f.signer_id, f.signer_name,
                    CASE WHEN f.fact = 'GANG_CASE_REGISTERED' THEN c.case_type END AS case_type,
                    CASE WHEN f.fact = 'GANG_CASE_REGISTERED' THEN c.case_name END AS case_name
                FROM gang_case c JOIN gang_case_fact f ON f.case_number = c.case_number
                WHERE %s AND f.occurred_at < :end AND NOT f.outside_jurisdiction
                    AND (f.fact <> 'GANG_CASE_REGISTERED' OR f.event_id = c.registration_event_id) %s
                """.formatted(JurisdictionSql.within("c.jurisdiction", "scope"),
                        kinds == null ? "" : "AND f.fact IN (" + kinds + ")"))
                .paramSource(params).query((rs, i) -> caseFact(rs)).list());
        // Sorted here, not by the database: a province's facts are tens of megabytes of wide rows, which PostgreSQL
        // sorted on disk, while Java needs only their keys.
        facts.sort(IN_CASE_ORDER);
        return facts;
    }

    /**
     * Of the jurisdiction's facts, those that occurred before {@code before} and reached the case files after position
     * {@code after}, in the order they occurred: only such a fact can amend a statement already confirmed. They are
     * among the facts the statement reads, so they are taken from those rather than read again.
     */
    private static List<QuarterlyFacts.CaseFact> arrivedAfter(List<QuarterlyFacts.CaseFact> facts, Instant before,
                                                              long after) {
        return facts.stream().filter(fact -> fact.occurredAt().isBefore(before) && fact.position() > after)
                .sorted(Comparator.comparing(QuarterlyFacts.CaseFact::occurredAt).thenComparing(IN_CASE_ORDER))
                .toList();
    }

    /**
     * The facts of the umbrella clues that a quarterly statement reads (their transfer, receipt, conclusion and
     * supervision) which occurred before {@code before} and reached the ledger after position {@code after}, though a
     * statement of their period had been drawn up by then: found in the ledger's index of such facts (V11).
     */
    private List<LateClueFact> cluesArrivedAfter(String jurisdiction, Instant before, long after) {
        MapSqlParameterSource params = JurisdictionSql.bind(new MapSqlParameterSource(), "scope", jurisdiction)
                .addValue("before", Timestamps.of(before))
                .addValue("after", after);
        return jdbc.sql("""
                SELECT f.clue_id, l.linked_case_number, f.fact, f.asserted_by, f.occurred_at, p.position
                FROM ledger_fact_position p
                JOIN ledger_fact f ON f.event_id = p.event_id
                JOIN transfer_ledger l ON l.clue_id = f.clue_id
                WHERE p.after_statement AND p.position > :after AND f.occurred_at < :before
                    AND f.fact IN ('TRANSFERRED', 'RECEIVED', 'CONCLUDED', 'SUPERVISION_ORDERED')
                    AND l.direction = 'POLICE_TO_DISCIPLINE' AND l.allegation = 'PROTECTIVE_UMBRELLA'
                    AND (%s OR %s OR l.linked_case_number IN (SELECT g.case_number FROM gang_case g WHERE %s))
                ORDER BY f.occurred_at, f.clue_id COLLATE "C", f.fact
                """.formatted(JurisdictionSql.within("l.sender_jurisdiction", "scope"),
                        JurisdictionSql.within("l.receiver_jurisdiction", "scope"),
                        JurisdictionSql.within("g.jurisdiction", "scope")))
                .paramSource(params).query((rs, i) -> new LateClueFact(rs.getString("clue_id"),
                        rs.getString("linked_case_number"), FactKind.valueOf(rs.getString("fact")),
                        rs.getString("asserted_by"), instant(rs, "occurred_at"), rs.getLong("position"))).list();
    }

    /**
     * The clues alleging a protective umbrella that the police transferred to discipline before {@code end}, sent or
     * received within {@code jurisdiction} or naming a gang case of it (a case's clue may come from a higher level);
     * with the registration of the gang case each names, wherever it is, and the first supervision ordered at or
     * after an unfounded conclusion: a supervision before it did not supervise the 查否.
     */
    private List<QuarterlyFacts.UmbrellaClue> umbrellaClues(String jurisdiction, Instant end) {
        MapSqlParameterSource params = JurisdictionSql.bind(new MapSqlParameterSource(), "scope", jurisdiction)
                .addValue("end", Timestamps.of(end));
        return jdbc.sql("""
                SELECT l.clue_id, l.sender_jurisdiction, l.linked_case_number, l.transferred_at, l.received_at,
                    ARRAY(SELECT s.person_key FROM ledger_subject s
                        WHERE s.clue_id = l.clue_id AND s.person_key IS NOT NULL ORDER BY s.position) AS person_keys,
                    (SELECT min(f.occurred_at) FROM ledger_fact f WHERE f.clue_id = l.clue_id
                        AND f.fact = 'SUPERVISION_ORDERED' AND f.occurred_at >= l.concluded_at) AS supervised_at,
                    CASE WHEN EXISTS (SELECT FROM ledger_outcome o WHERE o.clue_id = l.clue_id
                        AND o.fact = 'CONCLUDED' AND o.outcome = 'UNFOUNDED') THEN l.concluded_at END AS unfounded_at,
                    c.jurisdiction AS linked_case_jurisdiction,
                    c.registered_at AS linked_case_registered_at
                FROM transfer_ledger l LEFT JOIN gang_case c ON c.case_number = l.linked_case_number
                WHERE l.direction = 'POLICE_TO_DISCIPLINE' AND l.allegation = 'PROTECTIVE_UMBRELLA'
                    AND l.transferred_at < :end AND (%s OR %s OR l.linked_case_number IN (
                        SELECT g.case_number FROM gang_case g WHERE %s))
                ORDER BY l.clue_id COLLATE "C"
                """.formatted(JurisdictionSql.within("l.sender_jurisdiction", "scope"),
                        JurisdictionSql.within("l.receiver_jurisdiction", "scope"),
                        JurisdictionSql.within("g.jurisdiction", "scope")))
                .paramSource(params).query((rs, i) -> new QuarterlyFacts.UmbrellaClue(rs.getString("clue_id"),
                        rs.getString("sender_jurisdiction"), rs.getString("linked_case_number"),
                        instant(rs, "linked_case_registered_at"), rs.getString("linked_case_jurisdiction"),
                        instant(rs, "transferred_at"), instant(rs, "received_at"),
                        Arrays.asList((String[]) rs.getArray("person_keys").getArray()),
                        instant(rs, "unfounded_at"), instant(rs, "supervised_at"))).list();
    }

    private static QuarterlyFacts.CaseFact caseFact(ResultSet rs) throws SQLException {
        return new QuarterlyFacts.CaseFact(rs.getString("case_number"), rs.getString("case_jurisdiction"),
                CaseFactKind.valueOf(rs.getString("fact")), rs.getString("event_id"), rs.getString("asserted_by"),
                instant(rs, "occurred_at"), rs.getLong("position"),
                named(GangCaseType.class, rs.getString("case_type")), rs.getString("case_name"),
                rs.getString("person_key"), rs.getString("person_name"), rs.getString("unit"),
                named(OfficialRank.class, rs.getString("rank")), named(InvolvementRole.class, rs.getString("role")),
                named(CaseCheck.class, rs.getString("check_kind")), rs.getString("text"),
                (Boolean) rs.getObject("umbrella_found"),
                named(EndorsementRole.class, rs.getString("endorsement_role")), rs.getString("signer_id"),
                rs.getString("signer_name"));
    }

    private static int byCodePoint(String one, String other) {
        int i = 0;
        while (i < one.length() && i < other.length()) {
            int a = one.codePointAt(i);
            int b = other.codePointAt(i);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
        }
        return Integer.compare(one.length() - i, other.length() - i);
    }

    private static <E extends Enum<E>> E named(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
