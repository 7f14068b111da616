package org.clueexchange.core.reconciliation.query;

import static org.clueexchange.persistence.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.clueexchange.core.ledger.messages.Assertion;
import org.clueexchange.core.reconciliation.Cadence;
import org.clueexchange.core.reconciliation.StatementPeriod;
import org.clueexchange.core.reconciliation.StatementStatus;
import org.clueexchange.core.reconciliation.messages.PeriodRoot;
import org.clueexchange.core.reconciliation.messages.StatementBreakResolved;
import org.clueexchange.core.reconciliation.messages.StatementConfirmationRefused;
import org.clueexchange.core.reconciliation.messages.StatementConfirmed;
import org.clueexchange.core.reconciliation.messages.StatementIssued;
import org.clueexchange.core.reconciliation.roots.ChainLink;
import org.clueexchange.core.reconciliation.statement.ReportTable;
import org.clueexchange.core.reconciliation.statement.StatementHistory;
import org.clueexchange.core.reconciliation.statement.StatementJson;
import org.clueexchange.events.AgencyType;
import org.clueexchange.persistence.Timestamps;
import org.clueexchange.wire.Jurisdictions;
import org.clueexchange.wire.StatementId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The statements of every cadence as issued, their confirmations, refusals and break notes. It runs in the issuing command's unit of
 * work (a subscribing processor), so an officer who issues a statement reads it back at once.
 */
@Component
@ProcessingGroup(StatementProjection.GROUP)
public class StatementProjection {

    static final String GROUP = "statements";

    private final JdbcClient jdbc;
    private final StatementDrafters drafters;

    public StatementProjection(JdbcClient jdbc, StatementDrafters drafters) {
        this.jdbc = jdbc;
        this.drafters = drafters;
    }

    @EventHandler
    void on(StatementIssued event, @Timestamp Instant issuedAt) {
        jdbc.sql("DELETE FROM statement_confirmation WHERE statement_id = :id").param("id", event.statementId())
                .update();
        jdbc.sql("""
                INSERT INTO reconciliation_statement (statement_id, cadence, jurisdiction, period, revision, digest,
                    issued_at, issued_by, content, ledger_position)
                VALUES (:id, :cadence, :jurisdiction, :period, :revision, :digest, :issuedAt, :issuedBy, :content,
                    :position)
                ON CONFLICT (statement_id) DO UPDATE SET revision = excluded.revision, digest = excluded.digest,
                    issued_at = excluded.issued_at, issued_by = excluded.issued_by, content = excluded.content,
                    ledger_position = excluded.ledger_position
                """)
                .param("id", event.statementId())
                .param("cadence", cadenceOf(event.statementId()).name())
                .param("jurisdiction", event.jurisdiction())
                .param("period", event.period())
                .param("revision", event.revision())
                .param("digest", event.digest())
                .param("issuedAt", Timestamps.of(issuedAt))
                .param("issuedBy", event.issuedBy())
                .param("content", event.content())
                .param("position", event.ledgerPosition())
                .update();
        if (event.periodRoot() != null) {
            PeriodRoot root = event.periodRoot();
            jdbc.sql("""
                    INSERT INTO statement_root (jurisdiction, cadence, link, statement_id, revision, digest, root,
                        previous_root, cut, facts)
                    VALUES (:jurisdiction, :cadence, :link, :id, :revision, :digest, :root, :previousRoot, :cut,
                        :facts)
                    """)
                    .param("jurisdiction", event.jurisdiction())
                    .param("cadence", cadenceOf(event.statementId()).name())
                    .param("link", root.link())
                    .param("id", event.statementId())
                    .param("revision", event.revision())
                    .param("digest", event.digest())
                    .param("root", root.root())
                    .param("previousRoot", root.previousRoot())
                    .param("cut", root.cut())
                    .param("facts", root.facts())
                    .update();
        }
    }

    @EventHandler
    void on(StatementConfirmed event, @Timestamp Instant recordedAt) {
        Assertion assertion = event.assertion();
        jdbc.sql("""
                INSERT INTO statement_confirmation (statement_id, agency_type, agency, actor, occurred_at, recorded_at)
                VALUES (:id, :type, :agency, :actor, :occurredAt, :recordedAt)
                ON CONFLICT (statement_id, agency_type) DO NOTHING
                """)
                .param("id", event.statementId())
                .param("type", assertion.assertedBy().type().name())
                .param("agency", assertion.assertedBy().toString())
                .param("actor", assertion.actor())
                .param("occurredAt", Timestamps.of(assertion.occurredAt()))
                .param("recordedAt", Timestamps.of(recordedAt))
                .update();
    }

    @EventHandler
    void on(StatementConfirmationRefused event, @Timestamp Instant recordedAt) {
        Assertion assertion = event.assertion();
        jdbc.sql("""
                INSERT INTO statement_confirmation_refusal (event_id, statement_id, agency, actor, digest, reason,
                    recorded_at)
                VALUES (:eventId, :id, :agency, :actor, :digest, :reason, :recordedAt)
                ON CONFLICT (event_id) DO NOTHING
                """)
                .param("eventId", UUID.fromString(assertion.eventId()))
                .param("id", event.statementId())
                .param("agency", assertion.assertedBy().toString())
                .param("actor", assertion.actor())
                .param("digest", event.digest())
                .param("reason", event.reason())
                .param("recordedAt", Timestamps.of(recordedAt))
                .update();
    }

    @EventHandler
    void on(StatementBreakResolved event, @Timestamp Instant resolvedAt) {
        jdbc.sql("""
                INSERT INTO statement_break_resolution (statement_id, clue_id, category, note, resolved_by,
                    resolved_at)
                VALUES (:id, :clueId, :category, :note, :resolvedBy, :resolvedAt)
                ON CONFLICT (statement_id, clue_id, category) DO UPDATE SET note = excluded.note,
                    resolved_by = excluded.resolved_by, resolved_at = excluded.resolved_at
                """)
                .param("id", event.statementId())
                .param("clueId", event.clueId())
                .param("category", event.category())
                .param("note", event.note())
                .param("resolvedBy", event.resolvedBy())
                .param("resolvedAt", Timestamps.of(resolvedAt))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE reconciliation_statement, statement_confirmation, statement_confirmation_refusal, "
                + "statement_break_resolution, statement_root").update();
    }

    public Optional<StatementView> find(String statementId) {
        Set<AgencyType> confirmedBy = EnumSet.noneOf(AgencyType.class);
        List<StatementView.Confirmation> confirmations = jdbc.sql("""
                SELECT agency_type, agency, actor, occurred_at, recorded_at FROM statement_confirmation
                WHERE statement_id = :id ORDER BY recorded_at
                """).param("id", statementId).query((rs, i) -> {
                    confirmedBy.add(AgencyType.valueOf(rs.getString("agency_type")));
                    return new StatementView.Confirmation(rs.getString("agency"), rs.getString("actor"),
                            instant(rs, "occurred_at"), instant(rs, "recorded_at"));
                }).list();
        List<StatementView.Refusal> refusals = jdbc.sql("""
                SELECT agency, actor, digest, reason, recorded_at FROM statement_confirmation_refusal
                WHERE statement_id = :id ORDER BY recorded_at
                """).param("id", statementId).query((rs, i) -> new StatementView.Refusal(
                        rs.getString("agency"), rs.getString("actor"), rs.getString("digest"), rs.getString("reason"),
                        instant(rs, "recorded_at"))).list();
        List<StatementView.Resolution> resolutions = jdbc.sql("""
                SELECT clue_id, category, note, resolved_by, resolved_at FROM statement_break_resolution
                WHERE statement_id = :id ORDER BY clue_id, category
                """).param("id", statementId).query((rs, i) -> new StatementView.Resolution(
                        rs.getString("clue_id"), rs.getString("category"),
                        rs.getString("note"), rs.getString("resolved_by"), instant(rs, "resolved_at"))).list();
        return jdbc.sql("""
                SELECT s.*, r.link, r.root, r.previous_root, r.cut, r.facts FROM reconciliation_statement s
                LEFT JOIN statement_root r ON r.statement_id = s.statement_id AND r.revision = s.revision
                WHERE s.statement_id = :id
                """).param("id", statementId)
                .query((rs, i) -> new StatementView(rs.getString("statement_id"), rs.getString("jurisdiction"),
                        rs.getString("period"), rs.getInt("revision"), rs.getString("digest"),
                        rs.getString("root") == null ? null : periodRoot(rs),
                        StatementStatus.of(confirmedBy), instant(rs, "issued_at"), rs.getString("issued_by"),
                        rs.getLong("ledger_position"),
                        confirmations, refusals, resolutions, StatementJson.read(rs.getString("content"),
                                drafters.contentType(Cadence.valueOf(rs.getString("cadence"))))))
                .optional();
    }

    /** The statements of every cadence whose jurisdiction covers any of these codes, by id. */
    public List<String> covering(Collection<String> codes) {
        return jdbc.sql("SELECT statement_id, jurisdiction FROM reconciliation_statement ORDER BY statement_id")
                .query((rs, i) -> Map.entry(rs.getString("statement_id"), rs.getString("jurisdiction"))).list().stream()
                .filter(statement -> codes.stream().anyMatch(code -> Jurisdictions.liesWithin(code,
                        statement.getValue())))
                .map(Map.Entry::getKey).toList();
    }

    /** The last link of the chain of roots of the jurisdiction and cadence, if any revision with a root was issued. */
    public Optional<PeriodRoot> lastRoot(String jurisdiction, Cadence cadence) {
        return jdbc.sql("""
                SELECT link, root, previous_root, cut, facts FROM statement_root
                WHERE jurisdiction = :jurisdiction AND cadence = :cadence ORDER BY link DESC LIMIT 1
                """).param("jurisdiction", jurisdiction).param("cadence", cadence.name())
                .query((rs, i) -> periodRoot(rs)).optional();
    }

    /** Every link of every chain of roots, chain by chain, in the order they were issued. */
    public List<ChainLink> chainLinks() {
        return jdbc.sql("SELECT * FROM statement_root ORDER BY jurisdiction, cadence, link")
                .query((rs, i) -> new ChainLink(rs.getString("statement_id"), rs.getInt("revision"),
                        rs.getString("jurisdiction"), Cadence.valueOf(rs.getString("cadence")),
                        rs.getString("digest"), periodRoot(rs))).list();
    }

    private static PeriodRoot periodRoot(ResultSet rs) throws SQLException {
        return new PeriodRoot(rs.getInt("link"), rs.getString("root"), rs.getString("previous_root"),
                rs.getString("cut"), rs.getInt("facts"));
    }

    /**
     * What the earlier statements of the period's jurisdiction and cadence decide for it: the ledger position each
     * was drawn up at in the revision both agencies confirmed (periods not confirmed by both are absent), and the
     * previous period's summary tables if both confirmed it.
     */
    public StatementHistory history(StatementPeriod period) {
        Map<StatementPeriod, Set<AgencyType>> confirmedBy = new HashMap<>();
        Map<StatementPeriod, Long> positions = new HashMap<>();
        jdbc.sql("""
                SELECT s.period, s.ledger_position, c.agency_type
                FROM reconciliation_statement s JOIN statement_confirmation c ON c.statement_id = s.statement_id
                WHERE s.jurisdiction = :jurisdiction AND s.cadence = :cadence
                """).param("jurisdiction", period.jurisdiction()).param("cadence", period.cadence().name())
                .query(rs -> {
                    StatementPeriod earlier = StatementPeriod.of(period.jurisdiction(), rs.getString("period"));
                    confirmedBy.computeIfAbsent(earlier, p -> EnumSet.noneOf(AgencyType.class))
                            .add(AgencyType.valueOf(rs.getString("agency_type")));
                    positions.put(earlier, rs.getLong("ledger_position"));
                });
        Map<StatementPeriod, Long> confirmed = new HashMap<>();
        confirmedBy.forEach((earlier, agencies) -> {
            if (StatementStatus.of(agencies) == StatementStatus.CONFIRMED) {
                confirmed.put(earlier, positions.get(earlier));
            }
        });
        return new StatementHistory(confirmed, confirmed.containsKey(period.previous())
                ? summary(period.previous().id()) : null);
    }

    /**
     * The summary tables of a statement as issued. PostgreSQL takes them out of the statement's text, so that a
     * period's thousands of lines are not read to reach them.
     */
    private List<ReportTable> summary(String statementId) {
        return StatementJson.readSummary(jdbc.sql(
                "SELECT CAST(content AS JSON) -> 'summary' FROM reconciliation_statement WHERE statement_id = :id")
                .param("id", statementId).query(String.class).single());
    }

    private static Cadence cadenceOf(String statementId) {
        return Cadence.of(StatementId.parse(statementId).orElseThrow(() -> new IllegalStateException(
                "a statement was issued as " + statementId + ", which names no statement")));
    }
}
