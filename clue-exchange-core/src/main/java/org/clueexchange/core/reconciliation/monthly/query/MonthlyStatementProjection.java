package org.clueexchange.core.reconciliation.monthly.query;

import static org.clueexchange.persistence.Timestamps.instant;

import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.clueexchange.core.ledger.messages.Assertion;
import org.clueexchange.core.reconciliation.monthly.StatementStatus;
import org.clueexchange.core.reconciliation.monthly.messages.MonthlyStatementConfirmationRefused;
import org.clueexchange.core.reconciliation.monthly.messages.MonthlyStatementConfirmed;
import org.clueexchange.core.reconciliation.monthly.messages.MonthlyStatementIssued;
import org.clueexchange.core.reconciliation.monthly.messages.StatementBreakResolved;
import org.clueexchange.core.reconciliation.monthly.statement.BreakCategory;
import org.clueexchange.core.reconciliation.monthly.statement.ReportTable;
import org.clueexchange.core.reconciliation.monthly.statement.StatementJson;
import org.clueexchange.events.AgencyType;
import org.clueexchange.persistence.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The statements as issued, their confirmations, refusals and break notes. It runs in the issuing command's unit of
 * work (a subscribing processor), so an officer who issues a statement reads it back at once.
 */
@Component
@ProcessingGroup(MonthlyStatementProjection.GROUP)
public class MonthlyStatementProjection {

    static final String GROUP = "monthly-statements";

    private final JdbcClient jdbc;

    public MonthlyStatementProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MonthlyStatementIssued event, @Timestamp Instant issuedAt) {
        jdbc.sql("DELETE FROM statement_confirmation WHERE statement_id = :id").param("id", event.statementId())
                .update();
        jdbc.sql("""
                INSERT INTO monthly_statement (statement_id, jurisdiction, period, revision, digest, issued_at,
                    issued_by, content, ledger_position)
                VALUES (:id, :jurisdiction, :period, :revision, :digest, :issuedAt, :issuedBy, :content, :position)
                ON CONFLICT (statement_id) DO UPDATE SET revision = excluded.revision, digest = excluded.digest,
                    issued_at = excluded.issued_at, issued_by = excluded.issued_by, content = excluded.content,
                    ledger_position = excluded.ledger_position
                """)
                .param("id", event.statementId())
                .param("jurisdiction", event.jurisdiction())
                .param("period", event.period())
                .param("revision", event.revision())
                .param("digest", event.digest())
                .param("issuedAt", Timestamps.of(issuedAt))
                .param("issuedBy", event.issuedBy())
                .param("content", event.content())
                .param("position", event.ledgerPosition())
                .update();
    }

    @EventHandler
    void on(MonthlyStatementConfirmed event, @Timestamp Instant recordedAt) {
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
    void on(MonthlyStatementConfirmationRefused event, @Timestamp Instant recordedAt) {
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
                .param("category", event.category().name())
                .param("note", event.note())
                .param("resolvedBy", event.resolvedBy())
                .param("resolvedAt", Timestamps.of(resolvedAt))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE monthly_statement, statement_confirmation, statement_confirmation_refusal, "
                + "statement_break_resolution").update();
    }

    public Optional<MonthlyStatementView> find(String statementId) {
        Set<AgencyType> confirmedBy = EnumSet.noneOf(AgencyType.class);
        List<MonthlyStatementView.Confirmation> confirmations = jdbc.sql("""
                SELECT agency_type, agency, actor, occurred_at, recorded_at FROM statement_confirmation
                WHERE statement_id = :id ORDER BY recorded_at
                """).param("id", statementId).query((rs, i) -> {
                    confirmedBy.add(AgencyType.valueOf(rs.getString("agency_type")));
                    return new MonthlyStatementView.Confirmation(rs.getString("agency"), rs.getString("actor"),
                            instant(rs, "occurred_at"), instant(rs, "recorded_at"));
                }).list();
        List<MonthlyStatementView.Refusal> refusals = jdbc.sql("""
                SELECT agency, actor, digest, reason, recorded_at FROM statement_confirmation_refusal
                WHERE statement_id = :id ORDER BY recorded_at
                """).param("id", statementId).query((rs, i) -> new MonthlyStatementView.Refusal(
                        rs.getString("agency"), rs.getString("actor"), rs.getString("digest"), rs.getString("reason"),
                        instant(rs, "recorded_at"))).list();
        List<MonthlyStatementView.Resolution> resolutions = jdbc.sql("""
                SELECT clue_id, category, note, resolved_by, resolved_at FROM statement_break_resolution
                WHERE statement_id = :id ORDER BY clue_id, category
                """).param("id", statementId).query((rs, i) -> new MonthlyStatementView.Resolution(
                        rs.getString("clue_id"), BreakCategory.valueOf(rs.getString("category")),
                        rs.getString("note"), rs.getString("resolved_by"), instant(rs, "resolved_at"))).list();
        return jdbc.sql("SELECT * FROM monthly_statement WHERE statement_id = :id").param("id", statementId)
                .query((rs, i) -> new MonthlyStatementView(rs.getString("statement_id"), rs.getString("jurisdiction"),
                        rs.getString("period"), rs.getInt("revision"), rs.getString("digest"),
                        StatementStatus.of(confirmedBy), instant(rs, "issued_at"), rs.getString("issued_by"),
                        rs.getLong("ledger_position"),
                        confirmations, refusals, resolutions, StatementJson.read(rs.getString("content"))))
                .optional();
    }

    /**
     * The ledger position each of the jurisdiction's statements was drawn up at, in the revision both agencies
     * confirmed, by month; months not confirmed by both are absent.
     */
    public SortedMap<YearMonth, Long> confirmations(String jurisdiction) {
        Map<YearMonth, Set<AgencyType>> confirmedBy = new HashMap<>();
        Map<YearMonth, Long> positions = new HashMap<>();
        jdbc.sql("""
                SELECT s.period, s.ledger_position, c.agency_type
                FROM monthly_statement s JOIN statement_confirmation c ON c.statement_id = s.statement_id
                WHERE s.jurisdiction = :jurisdiction
                """).param("jurisdiction", jurisdiction).query(rs -> {
                    YearMonth month = YearMonth.parse(rs.getString("period"));
                    confirmedBy.computeIfAbsent(month, m -> EnumSet.noneOf(AgencyType.class))
                            .add(AgencyType.valueOf(rs.getString("agency_type")));
                    positions.put(month, rs.getLong("ledger_position"));
                });
        SortedMap<YearMonth, Long> confirmed = new TreeMap<>();
        confirmedBy.forEach((month, agencies) -> {
            if (StatementStatus.of(agencies) == StatementStatus.CONFIRMED) {
                confirmed.put(month, positions.get(month));
            }
        });
        return confirmed;
    }

    /**
     * The summary tables of a statement as issued. PostgreSQL takes them out of the statement's text, so that a
     * month's thousands of lines are not read to reach them.
     */
    public List<ReportTable> summary(String statementId) {
        return StatementJson.readSummary(jdbc.sql(
                "SELECT CAST(content AS JSON) -> 'summary' FROM monthly_statement WHERE statement_id = :id")
                .param("id", statementId).query(String.class).single());
    }
}
