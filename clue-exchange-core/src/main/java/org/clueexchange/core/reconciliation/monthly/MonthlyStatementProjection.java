package org.clueexchange.core.reconciliation.monthly;

import static org.clueexchange.core.ledger.LedgerSnapshots.instant;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.clueexchange.core.ledger.Assertion;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The statements as issued, their confirmations, refusals and break notes. It runs in the issuing command's unit of
 * work (a subscribing processor), so an officer who issues a statement reads it back at once.
 */
@Component
@ProcessingGroup(MonthlyStatementProjection.GROUP)
public class MonthlyStatementProjection {

    static final String GROUP = "monthly-statements";

    private final NamedParameterJdbcTemplate jdbc;

    public MonthlyStatementProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MonthlyStatementIssued event, @Timestamp Instant issuedAt) {
        jdbc.update("DELETE FROM statement_confirmation WHERE statement_id = :id", Map.of("id", event.statementId()));
        jdbc.update("""
                INSERT INTO monthly_statement (statement_id, jurisdiction, period, revision, digest, issued_at,
                    issued_by, content)
                VALUES (:id, :jurisdiction, :period, :revision, :digest, :issuedAt, :issuedBy, :content)
                ON CONFLICT (statement_id) DO UPDATE SET revision = excluded.revision, digest = excluded.digest,
                    issued_at = excluded.issued_at, issued_by = excluded.issued_by, content = excluded.content
                """, new MapSqlParameterSource()
                .addValue("id", event.statementId())
                .addValue("jurisdiction", event.jurisdiction())
                .addValue("period", event.period())
                .addValue("revision", event.revision())
                .addValue("digest", event.digest())
                .addValue("issuedAt", sqlTime(issuedAt))
                .addValue("issuedBy", event.issuedBy())
                .addValue("content", event.content()));
    }

    @EventHandler
    void on(MonthlyStatementConfirmed event, @Timestamp Instant recordedAt) {
        Assertion assertion = event.assertion();
        jdbc.update("""
                INSERT INTO statement_confirmation (statement_id, agency_type, agency, actor, occurred_at, recorded_at)
                VALUES (:id, :type, :agency, :actor, :occurredAt, :recordedAt)
                ON CONFLICT (statement_id, agency_type) DO NOTHING
                """, new MapSqlParameterSource()
                .addValue("id", event.statementId())
                .addValue("type", assertion.assertedBy().type().name())
                .addValue("agency", assertion.assertedBy().toString())
                .addValue("actor", assertion.actor())
                .addValue("occurredAt", sqlTime(assertion.occurredAt()))
                .addValue("recordedAt", sqlTime(recordedAt)));
    }

    @EventHandler
    void on(MonthlyStatementConfirmationRefused event, @Timestamp Instant recordedAt) {
        Assertion assertion = event.assertion();
        jdbc.update("""
                INSERT INTO statement_confirmation_refusal (event_id, statement_id, agency, actor, digest, reason,
                    recorded_at)
                VALUES (:eventId, :id, :agency, :actor, :digest, :reason, :recordedAt)
                ON CONFLICT (event_id) DO NOTHING
                """, new MapSqlParameterSource()
                .addValue("eventId", UUID.fromString(assertion.eventId()))
                .addValue("id", event.statementId())
                .addValue("agency", assertion.assertedBy().toString())
                .addValue("actor", assertion.actor())
                .addValue("digest", event.digest())
                .addValue("reason", event.reason())
                .addValue("recordedAt", sqlTime(recordedAt)));
    }

    @EventHandler
    void on(StatementBreakResolved event, @Timestamp Instant resolvedAt) {
        jdbc.update("""
                INSERT INTO statement_break_resolution (statement_id, clue_id, category, note, resolved_by,
                    resolved_at)
                VALUES (:id, :clueId, :category, :note, :resolvedBy, :resolvedAt)
                ON CONFLICT (statement_id, clue_id, category) DO UPDATE SET note = excluded.note,
                    resolved_by = excluded.resolved_by, resolved_at = excluded.resolved_at
                """, new MapSqlParameterSource()
                .addValue("id", event.statementId())
                .addValue("clueId", event.clueId())
                .addValue("category", event.category().name())
                .addValue("note", event.note())
                .addValue("resolvedBy", event.resolvedBy())
                .addValue("resolvedAt", sqlTime(resolvedAt)));
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().execute("TRUNCATE monthly_statement, statement_confirmation, "
                + "statement_confirmation_refusal, statement_break_resolution");
    }

    public Optional<MonthlyStatementView> find(String statementId) {
        Map<String, String> id = Map.of("id", statementId);
        List<MonthlyStatementView.Confirmation> confirmations = jdbc.query("""
                SELECT agency, actor, occurred_at, recorded_at FROM statement_confirmation
                WHERE statement_id = :id ORDER BY recorded_at
                """, id, (rs, i) -> new MonthlyStatementView.Confirmation(rs.getString("agency"),
                rs.getString("actor"), instant(rs, "occurred_at"), instant(rs, "recorded_at")));
        List<MonthlyStatementView.Refusal> refusals = jdbc.query("""
                SELECT agency, actor, digest, reason, recorded_at FROM statement_confirmation_refusal
                WHERE statement_id = :id ORDER BY recorded_at
                """, id, (rs, i) -> new MonthlyStatementView.Refusal(rs.getString("agency"), rs.getString("actor"),
                rs.getString("digest"), rs.getString("reason"), instant(rs, "recorded_at")));
        List<MonthlyStatementView.Resolution> resolutions = jdbc.query("""
                SELECT clue_id, category, note, resolved_by, resolved_at FROM statement_break_resolution
                WHERE statement_id = :id ORDER BY clue_id, category
                """, id, (rs, i) -> new MonthlyStatementView.Resolution(rs.getString("clue_id"),
                BreakCategory.valueOf(rs.getString("category")), rs.getString("note"), rs.getString("resolved_by"),
                instant(rs, "resolved_at")));
        return jdbc.query("SELECT * FROM monthly_statement WHERE statement_id = :id", id, (rs, i) ->
                new MonthlyStatementView(rs.getString("statement_id"), rs.getString("jurisdiction"),
                        rs.getString("period"), rs.getInt("revision"), rs.getString("digest"),
                        status(confirmations.size()), instant(rs, "issued_at"), rs.getString("issued_by"),
                        confirmations, refusals, resolutions, StatementJson.read(rs.getString("content"))))
                .stream().findFirst();
    }

    /** When each of the jurisdiction's statements was confirmed by its second agency, by month. */
    public SortedMap<YearMonth, Instant> confirmations(String jurisdiction) {
        SortedMap<YearMonth, Instant> confirmed = new TreeMap<>();
        jdbc.query("""
                SELECT s.period, max(c.recorded_at) AS confirmed_at
                FROM monthly_statement s JOIN statement_confirmation c ON c.statement_id = s.statement_id
                WHERE s.jurisdiction = :jurisdiction GROUP BY s.period HAVING count(*) = 2
                """, Map.of("jurisdiction", jurisdiction), rs -> {
            confirmed.put(YearMonth.parse(rs.getString("period")), instant(rs, "confirmed_at"));
        });
        return confirmed;
    }

    private static MonthlyStatementView.Status status(int confirmations) {
        return switch (confirmations) {
            case 0 -> MonthlyStatementView.Status.ISSUED;
            case 1 -> MonthlyStatementView.Status.PARTLY_CONFIRMED;
            default -> MonthlyStatementView.Status.CONFIRMED;
        };
    }

    private static java.sql.Timestamp sqlTime(Instant instant) {
        return java.sql.Timestamp.from(instant);
    }
}
