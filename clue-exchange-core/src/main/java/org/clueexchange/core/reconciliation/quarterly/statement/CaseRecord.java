package org.clueexchange.core.reconciliation.quarterly.statement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clueexchange.core.casefile.CaseClosure;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.CaseCheck;

/**
 * One gang case as both agencies had recorded it by a moment: its facts that occurred before it, read in the order
 * they occurred; where an agency asserted the same thing twice, the earliest counts, as on the clue ledger.
 */
final class CaseRecord {

    private static final Comparator<QuarterlyFacts.CaseFact> OCCURRENCE =
            Comparator.comparing(QuarterlyFacts.CaseFact::occurredAt).thenComparing(QuarterlyFacts.CaseFact::eventId);

    final String caseNumber;
    final String jurisdiction;
    QuarterlyFacts.CaseFact registration;
    QuarterlyFacts.CaseFact solution;
    /** The officials the police named, by person key, in the order they were first named. */
    final Map<String, QuarterlyFacts.CaseFact> officials = new LinkedHashMap<>();
    /** Discipline's follow-ups, by person key; the case's own under the empty key. */
    final Map<String, QuarterlyFacts.CaseFact> followUps = new LinkedHashMap<>();
    /** Discipline's latest finding on each official since the latest re-trace, which starts the checks afresh. */
    final Map<String, QuarterlyFacts.CaseFact> officialFindings = new LinkedHashMap<>();
    final Map<CaseCheck, String> checks = new EnumMap<>(CaseCheck.class);
    /** Who signed the endorsement, by signer id: the name each signed under first. */
    final Map<String, String> signerNames = new LinkedHashMap<>();
    QuarterlyFacts.CaseFact firstDisciplineFact;
    final CaseClosure.State closure;

    private CaseRecord(String caseNumber, List<QuarterlyFacts.CaseFact> facts, Instant asOf) {
        this.caseNumber = caseNumber;
        List<QuarterlyFacts.CaseFact> ordered = facts.stream().filter(fact -> fact.occurredAt().isBefore(asOf))
                .sorted(OCCURRENCE).toList();
        this.jurisdiction = facts.get(0).caseJurisdiction();
        List<CaseClosure.Step> steps = new ArrayList<>();
        for (QuarterlyFacts.CaseFact fact : ordered) {
            if (fact.fact().assertedBy() == AgencyType.DISCIPLINE
                    && firstDisciplineFact == null) {
                firstDisciplineFact = fact;
            }
            CaseClosure.Step.of(fact.fact(), fact.occurredAt(), fact.eventId(), fact.personKey(),
                    fact.umbrellaFound(), fact.endorsementRole(), fact.signerId()).ifPresent(steps::add);
            switch (fact.fact()) {
                case GANG_CASE_REGISTERED -> registration = registration == null ? fact : registration;
                case GANG_CASE_SOLVED -> solution = solution == null ? fact : solution;
                case OFFICIAL_INVOLVED -> officials.putIfAbsent(fact.personKey(), fact);
                case FOLLOW_UP_OPENED -> followUps.putIfAbsent(fact.personKey() == null ? "" : fact.personKey(),
                        fact);
                case CASE_CHECK_COMPLETED -> checks.put(fact.check(), fact.text());
                case UMBRELLA_FINDING_MADE -> {
                    if (fact.personKey() != null) {
                        officialFindings.put(fact.personKey(), fact);
                    }
                }
                case ENDORSEMENT_SIGNED -> signerNames.putIfAbsent(fact.signerId(), fact.signerName());
                case RETRACE_ORDERED -> {
                    officialFindings.clear();
                    checks.clear();
                }
            }
        }
        this.closure = CaseClosure.asOf(steps, asOf);
    }

    /** Each case's record as of {@code asOf}, from its facts in any order. */
    static Map<String, CaseRecord> of(List<QuarterlyFacts.CaseFact> facts, Instant asOf) {
        Map<String, List<QuarterlyFacts.CaseFact>> byCase = new LinkedHashMap<>();
        facts.forEach(fact -> byCase.computeIfAbsent(fact.caseNumber(), c -> new ArrayList<>()).add(fact));
        Map<String, CaseRecord> cases = new LinkedHashMap<>();
        byCase.forEach((caseNumber, its) -> cases.put(caseNumber, new CaseRecord(caseNumber, its, asOf)));
        return cases;
    }

    boolean solved() {
        return solution != null && registration != null;
    }

    /** Whether discipline has found an umbrella in the case: on the whole case, or on any official in it. */
    boolean umbrellaFound() {
        return closure.status() == CaseClosure.Status.UMBRELLA_FOUND
                || officialFindings.values().stream().anyMatch(finding -> Boolean.TRUE.equals(finding.umbrellaFound()));
    }

    /** Whether the case stands closed, or is waiting to close, as "no umbrella found": a case to re-examine. */
    boolean signedNoUmbrella() {
        return closure.status() == CaseClosure.Status.CLOSED_NO_UMBRELLA
                || closure.status() == CaseClosure.Status.AWAITING_ENDORSEMENT;
    }
}
