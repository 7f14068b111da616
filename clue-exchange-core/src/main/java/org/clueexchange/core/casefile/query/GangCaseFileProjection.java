package org.clueexchange.core.casefile.query;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.clueexchange.core.casefile.messages.CaseAnomalyRecorded;
import org.clueexchange.core.casefile.messages.CaseCheckRecorded;
import org.clueexchange.core.casefile.messages.CaseClosureChanged;
import org.clueexchange.core.casefile.messages.CaseFactRecorded;
import org.clueexchange.core.casefile.messages.EndorsementRecorded;
import org.clueexchange.core.casefile.messages.FollowUpRecorded;
import org.clueexchange.core.casefile.messages.GangCaseRegistrationRecorded;
import org.clueexchange.core.casefile.messages.GangCaseSolutionRecorded;
import org.clueexchange.core.casefile.messages.OfficialInvolvementRecorded;
import org.clueexchange.core.casefile.messages.RetraceRecorded;
import org.clueexchange.core.casefile.messages.UmbrellaFindingRecorded;
import org.clueexchange.core.ledger.messages.Assertion;
import org.clueexchange.persistence.Timestamps;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds the gang case tables from the case files' events: a row per case showing the registration that counts (the
 * first its file recorded: events come in the store's order, so a rebuild shows the same), its earliest solution by
 * the agencies' clocks and where its closure stands, a row per fact, and the anomalies. Its token and its rows are
 * written in one transaction, so each event is applied once; a reset rebuilds the same tables, and the facts keep
 * the positions they had ({@code gang_case_fact_position}).
 *
 * <p>{@code gang_case_fact.outside_jurisdiction} means the fact does not count, whatever its kind: it is set on the
 * fact of every anomaly, a fact asserted from outside the case's jurisdiction and a registration that disagrees with
 * the one on record alike. A reader skips those rows; the case's registration is {@code gang_case}'s
 * ({@code registration_event_id}).
 */
@Component
@ProcessingGroup(GangCaseFileProjection.PROCESSING_GROUP)
class GangCaseFileProjection {

    static final String PROCESSING_GROUP = "gang-case-files";

    private static final String CASE = """
            INSERT INTO gang_case (case_number, jurisdiction) VALUES (:caseNumber, :jurisdiction)
            ON CONFLICT (case_number) DO NOTHING
            """;
    private static final String REGISTRATION = """
            UPDATE gang_case SET registered = TRUE, registration_event_id = :eventId, registered_at = :at,
                case_type = :caseType, case_name = :caseName, jurisdiction = :registeredIn
            WHERE case_number = :caseNumber AND registration_event_id IS NULL
            """;
    private static final String SOLUTION = """
            UPDATE gang_case SET solution_event_id = :eventId, solved_at = :at
            WHERE case_number = :caseNumber AND (solution_event_id IS NULL
                OR (CAST(:at AS TIMESTAMPTZ), CAST(:eventId AS UUID)) < (solved_at, solution_event_id))
            """;
    /**
     * Like the ledger's facts, a case fact takes the ledger's next position as its transaction's last writes
     * ({@code LedgerBatch.writePositions}): the row stays locked until the commit, so positions follow the order of
     * the commits, and a snapshot that reads a position sees every fact up to it. A fact positioned before a rebuild
     * keeps its position.
     */
    private static final String NEXT_POSITION = "UPDATE ledger_position SET position = position + 1";
    private static final String POSITION = """
            INSERT INTO gang_case_fact_position (event_id, position)
            SELECT CAST(:eventId AS UUID), position FROM ledger_position
            ON CONFLICT (event_id) DO NOTHING
            """;
    private static final String FACT = """
            INSERT INTO gang_case_fact (event_id, case_number, fact, asserted_by, actor, occurred_at, published_at,
                recorded_at, person_key, person_name, unit, rank, role, check_kind, text, umbrella_found,
                endorsement_role, signer_id, signer_name, position)
            SELECT CAST(:eventId AS UUID), :caseNumber, :fact, :assertedBy, :actor, :occurredAt, :publishedAt,
                :recordedAt, :personKey, :personName, :unit, :rank, :role, :checkKind, :text,
                CAST(:umbrellaFound AS BOOLEAN), :endorsementRole, :signerId, :signerName, position
            FROM gang_case_fact_position WHERE event_id = CAST(:eventId AS UUID)
            ON CONFLICT (event_id) DO NOTHING
            """;

    private final NamedParameterJdbcTemplate jdbc;

    GangCaseFileProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(GangCaseRegistrationRecorded event, @Timestamp Instant recordedAt) {
        record(event, recordedAt, new MapSqlParameterSource(), () -> jdbc.update(REGISTRATION, shown(event)
                .addValue("caseType", event.caseType().name()).addValue("caseName", event.caseName())
                .addValue("registeredIn", event.jurisdiction())));
    }

    @EventHandler
    void on(GangCaseSolutionRecorded event, @Timestamp Instant recordedAt) {
        record(event, recordedAt, new MapSqlParameterSource(), () -> jdbc.update(SOLUTION, shown(event)));
    }

    @EventHandler
    void on(OfficialInvolvementRecorded event, @Timestamp Instant recordedAt) {
        record(event, recordedAt, new MapSqlParameterSource("personKey", event.personKey())
                .addValue("personName", event.name()).addValue("unit", event.unit())
                .addValue("rank", event.rank().name()).addValue("role", event.role().name()));
    }

    @EventHandler
    void on(FollowUpRecorded event, @Timestamp Instant recordedAt) {
        record(event, recordedAt, new MapSqlParameterSource("personKey", event.personKey())
                .addValue("rank", event.rank() == null ? null : event.rank().name()));
    }

    @EventHandler
    void on(CaseCheckRecorded event, @Timestamp Instant recordedAt) {
        record(event, recordedAt, new MapSqlParameterSource("checkKind", event.check().name())
                .addValue("text", event.finding()));
    }

    @EventHandler
    void on(UmbrellaFindingRecorded event, @Timestamp Instant recordedAt) {
        record(event, recordedAt, new MapSqlParameterSource("personKey", event.personKey())
                .addValue("umbrellaFound", event.umbrellaFound()).addValue("text", event.outcome()));
    }

    @EventHandler
    void on(EndorsementRecorded event, @Timestamp Instant recordedAt) {
        record(event, recordedAt, new MapSqlParameterSource("endorsementRole", event.role().name())
                .addValue("signerId", event.signerId()).addValue("signerName", event.signerName()));
    }

    @EventHandler
    void on(RetraceRecorded event, @Timestamp Instant recordedAt) {
        record(event, recordedAt, new MapSqlParameterSource("text", event.reason()));
    }

    @EventHandler
    void on(CaseAnomalyRecorded event) {
        jdbc.update("""
                INSERT INTO gang_case_anomaly (case_number, fact_event_id, related_event_id, kind, detail)
                VALUES (:caseNumber, :eventId, :relatedEventId, :kind, :detail) ON CONFLICT DO NOTHING
                """, new MapSqlParameterSource("caseNumber", event.caseNumber())
                .addValue("eventId", UUID.fromString(event.factEventId()))
                .addValue("relatedEventId", UUID.fromString(event.relatedEventId()))
                .addValue("kind", event.kind().name()).addValue("detail", event.detail()));
        jdbc.update("UPDATE gang_case_fact SET outside_jurisdiction = TRUE WHERE event_id = :eventId",
                new MapSqlParameterSource("eventId", UUID.fromString(event.factEventId())));
    }

    @EventHandler
    void on(CaseClosureChanged event) {
        jdbc.update("UPDATE gang_case SET closure_status = :status, closure_since = :since "
                + "WHERE case_number = :caseNumber", new MapSqlParameterSource("caseNumber", event.caseNumber())
                .addValue("status", event.status().name()).addValue("since", Timestamps.of(event.since())));
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().execute("TRUNCATE gang_case CASCADE");
    }

    private void record(CaseFactRecorded fact, Instant recordedAt, MapSqlParameterSource columns) {
        record(fact, recordedAt, columns, () -> { });
    }

    /**
     * The case's row (the first agency heard from places an unregistered case), what the row shows of the fact, then
     * the fact, last, with its position.
     */
    private void record(CaseFactRecorded fact, Instant recordedAt, MapSqlParameterSource columns, Runnable show) {
        Assertion assertion = fact.assertion();
        jdbc.update(CASE, new MapSqlParameterSource("caseNumber", fact.caseNumber())
                .addValue("jurisdiction", assertion.assertedBy().jurisdiction()));
        show.run();
        for (String column : new String[] {"personKey", "personName", "unit", "rank", "role", "checkKind", "text",
                "umbrellaFound", "endorsementRole", "signerId", "signerName"}) {
            if (!columns.hasValue(column)) {
                columns.addValue(column, null);
            }
        }
        columns.addValue("eventId", assertion.eventId()).addValue("caseNumber", fact.caseNumber())
                .addValue("fact", fact.factKind().name()).addValue("assertedBy", assertion.assertedBy().toString())
                .addValue("actor", assertion.actor()).addValue("occurredAt", Timestamps.of(assertion.occurredAt()))
                .addValue("publishedAt", Timestamps.of(assertion.publishedAt()))
                .addValue("recordedAt", Timestamps.of(recordedAt));
        jdbc.getJdbcTemplate().update(NEXT_POSITION);
        jdbc.update(POSITION, columns);
        jdbc.update(FACT, columns);
    }

    private static MapSqlParameterSource shown(CaseFactRecorded fact) {
        return new MapSqlParameterSource("caseNumber", fact.caseNumber())
                .addValue("eventId", UUID.fromString(fact.assertion().eventId()))
                .addValue("at", Timestamps.of(fact.assertion().occurredAt()));
    }
}
