package org.clueexchange.core.casefile.query;

import static org.clueexchange.persistence.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.queryhandling.QueryHandler;
import org.clueexchange.core.casefile.CaseClosure;
import org.clueexchange.core.casefile.CaseFactKind;
import org.clueexchange.core.casefile.messages.CaseAnomalyKind;
import org.clueexchange.core.casefile.messages.FindGangCase;
import org.clueexchange.events.CaseCheck;
import org.clueexchange.events.EndorsementRole;
import org.clueexchange.events.GangCaseType;
import org.clueexchange.events.InvolvementRole;
import org.clueexchange.events.OfficialRank;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Answers for gang cases from the tables {@link GangCaseFileProjection} keeps. */
@Component
class GangCaseQueries {

    private final JdbcClient jdbc;
    private final Clock clock;
    /** The case, its facts and its anomalies from one snapshot, as the ledger reads an entry. */
    private final TransactionTemplate snapshot;

    GangCaseQueries(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    @QueryHandler
    Optional<GangCaseView> handle(FindGangCase query) {
        return snapshot.execute(status -> jdbc.sql("SELECT * FROM gang_case WHERE case_number = :caseNumber")
                .param("caseNumber", query.caseNumber())
                .query((rs, row) -> caseOf(rs, facts(query.caseNumber()), anomalies(query.caseNumber())))
                .optional());
    }

    private GangCaseView caseOf(ResultSet rs, List<GangCaseView.Fact> facts, List<GangCaseView.Anomaly> anomalies)
            throws SQLException {
        return new GangCaseView(rs.getString("case_number"), rs.getString("jurisdiction"),
                rs.getBoolean("registered"), valueOf(rs.getString("case_type"), GangCaseType::valueOf),
                rs.getString("case_name"), instant(rs, "registered_at"), instant(rs, "solved_at"), closure(facts),
                officials(facts), facts, anomalies);
    }

    /** As of now, over the facts that count: the file's own status is over every fact, future ones included. */
    private GangCaseView.Closure closure(List<GangCaseView.Fact> facts) {
        CaseClosure.State state = CaseClosure.asOf(facts.stream().filter(fact -> !fact.outsideJurisdiction())
                .flatMap(fact -> CaseClosure.Step.of(fact.fact(), fact.occurredAt(), fact.eventId(),
                        fact.personKey(), fact.umbrellaFound(), fact.endorsementRole(), fact.signerId()).stream())
                .toList(), clock.instant());
        return new GangCaseView.Closure(state.status(), state.status().label(), state.since(), state.retraced(),
                state.endorsement().signers(), state.endorsement().problems());
    }

    private static List<GangCaseView.Official> officials(List<GangCaseView.Fact> facts) {
        Map<String, GangCaseView.Official> byPerson = new LinkedHashMap<>();
        facts.stream().filter(fact -> fact.fact() == CaseFactKind.OFFICIAL_INVOLVED && !fact.outsideJurisdiction())
                .forEach(fact -> byPerson.putIfAbsent(fact.personKey(), new GangCaseView.Official(fact.personKey(),
                        fact.personName(), fact.unit(), fact.rank(), InvolvementRole.valueOf(fact.role()),
                        fact.occurredAt())));
        return List.copyOf(byPerson.values());
    }

    private List<GangCaseView.Fact> facts(String caseNumber) {
        return jdbc.sql("SELECT * FROM gang_case_fact WHERE case_number = :caseNumber ORDER BY occurred_at, event_id")
                .param("caseNumber", caseNumber)
                .query((rs, row) -> {
                    CaseFactKind kind = CaseFactKind.valueOf(rs.getString("fact"));
                    Boolean umbrellaFound = rs.getObject("umbrella_found", Boolean.class);
                    return new GangCaseView.Fact(rs.getString("event_id"), kind, kind.label(),
                            rs.getString("asserted_by"), rs.getString("actor"), instant(rs, "occurred_at"),
                            instant(rs, "published_at"), rs.getString("person_key"), rs.getString("person_name"),
                            rs.getString("unit"), valueOf(rs.getString("rank"), OfficialRank::valueOf),
                            rs.getString("role"), valueOf(rs.getString("check_kind"), CaseCheck::valueOf),
                            rs.getString("text"), umbrellaFound,
                            valueOf(rs.getString("endorsement_role"), EndorsementRole::valueOf),
                            rs.getString("signer_id"), rs.getString("signer_name"),
                            rs.getBoolean("outside_jurisdiction"));
                })
                .list();
    }

    private List<GangCaseView.Anomaly> anomalies(String caseNumber) {
        return jdbc.sql("SELECT * FROM gang_case_anomaly WHERE case_number = :caseNumber "
                        + "ORDER BY fact_event_id, related_event_id, kind")
                .param("caseNumber", caseNumber)
                .query((rs, row) -> {
                    CaseAnomalyKind kind = CaseAnomalyKind.valueOf(rs.getString("kind"));
                    return new GangCaseView.Anomaly(kind, kind.label(), rs.getString("fact_event_id"),
                            rs.getString("related_event_id"), rs.getString("detail"));
                })
                .list();
    }

    private static <T> T valueOf(String name, Function<String, T> parse) {
        return name == null ? null : parse.apply(name);
    }
}
