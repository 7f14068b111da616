package org.clueexchange.core.reconciliation.quarterly.statement;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.clueexchange.core.casefile.CaseClosure;
import org.clueexchange.core.casefile.Endorsement;
import org.clueexchange.core.reconciliation.StatementPeriod;
import org.clueexchange.core.reconciliation.statement.AgingBucket;
import org.clueexchange.core.reconciliation.statement.ReportTable;
import org.clueexchange.core.reconciliation.quarterly.statement.QuarterlyStatementContent.CaseLine;
import org.clueexchange.core.reconciliation.quarterly.statement.QuarterlyStatementContent.Finding;
import org.clueexchange.core.reconciliation.quarterly.statement.QuarterlyStatementContent.OfficialLine;
import org.clueexchange.core.reconciliation.quarterly.statement.QuarterlyStatementContent.QuarterlyBreak;
import org.clueexchange.core.reconciliation.quarterly.statement.QuarterlyStatementContent.Signer;
import org.clueexchange.events.EndorsementRole;
import org.clueexchange.events.OfficialRank;

/**
 * Draws a quarter's statement up from one snapshot of the case files and the umbrella clues, as of the quarter's
 * end: every gang case solved by then with its officials, the breaks, the findings across both agencies and the
 * figures.
 */
public final class QuarterlyStatementBuilder {

    private final StatementPeriod quarter;
    private final Instant end;
    private final Map<String, CaseRecord> cases;
    private final List<QuarterlyFacts.UmbrellaClue> clues;
    /** The clues transferred by the quarter's end from each case, by the person key of each subject. */
    private final Map<String, Map<String, List<QuarterlyFacts.UmbrellaClue>>> cluesByCase = new HashMap<>();
    private final List<QuarterlyBreak> breaks = new ArrayList<>();
    /** The cases solved by the quarter's end, and their officials by rank as each agency counts them. */
    private final List<CaseRecord> solved;
    private final Map<OfficialRank, List<Instant>> policeCounts;
    private final Map<OfficialRank, List<Instant>> disciplineCounts;

    private QuarterlyStatementBuilder(StatementPeriod quarter, QuarterlyFacts facts) {
        this.quarter = quarter;
        this.end = quarter.end();
        this.cases = CaseRecord.of(facts.caseFacts(), end);
        this.clues = facts.clues().stream().filter(clue -> clue.transferredAt() != null
                && clue.transferredAt().isBefore(end)).toList();
        for (QuarterlyFacts.UmbrellaClue clue : clues) {
            if (clue.linkedCaseNumber() != null) {
                Map<String, List<QuarterlyFacts.UmbrellaClue>> byPerson = cluesByCase.computeIfAbsent(
                        clue.linkedCaseNumber(), c -> new HashMap<>());
                new TreeSet<>(clue.subjectKeys()).forEach(key ->
                        byPerson.computeIfAbsent(key, k -> new ArrayList<>()).add(clue));
            }
        }
        this.solved = cases.values().stream().filter(CaseRecord::solved).toList();
        this.policeCounts = countedByPolice();
        this.disciplineCounts = countedByDiscipline();
    }

    /** The statement's content: what both agencies confirm. */
    public static QuarterlyStatementContent build(StatementPeriod quarter, QuarterlyFacts facts,
                                                  List<QuarterlyStatementContent.CaseAmendment> amendments) {
        return new QuarterlyStatementBuilder(quarter, facts).content(facts, amendments);
    }

    private QuarterlyStatementContent content(QuarterlyFacts facts,
                                              List<QuarterlyStatementContent.CaseAmendment> amendments) {
        List<CaseLine> lines = new ArrayList<>();
        for (CaseRecord record : cases.values()) {
            if (record.solved()) {
                lines.add(line(record));
                officialBreaks(record);
                endorsementBreak(record);
            } else if (record.registration == null && record.firstDisciplineFact != null) {
                lines.add(line(record));
                add(QuarterlyBreakCategory.FOLLOW_UP_OF_UNREGISTERED_CASE, record.firstDisciplineFact.occurredAt(),
                        record.caseNumber, null, null, null, "纪检监察机关已跟进，政法机关无立案记录 followed up by "
                                + record.firstDisciplineFact.assertedBy() + ", never registered by the police");
            }
        }
        rankBreaks();
        unsupervisedUnfounded();
        breaks.sort(Comparator.comparing((QuarterlyBreak b) -> b.category().ordinal())
                .thenComparing(QuarterlyBreak::item));
        // A province's own statement has read its cases' facts once, for both: their records are already here.
        List<CaseRecord> provinceSolved = quarter.jurisdiction().endsWith("0000") ? solved
                : CaseRecord.of(facts.provinceFacts(), end).values().stream().filter(CaseRecord::solved).toList();
        List<ReportTable> figures = List.of(QuarterlyFigures.umbrellaRatios(solved, provinceSolved),
                QuarterlyFigures.mismatch(quarter.jurisdiction(), solved, clues),
                QuarterlyFigures.officialsByRank(policeCounts, disciplineCounts));
        return new QuarterlyStatementContent(quarter.id(), quarter.jurisdiction(), quarter.scope(),
                quarter.name(), quarter.start(), end, lines, breaks, findings(), figures, amendments);
    }

    private CaseLine line(CaseRecord record) {
        List<OfficialLine> officials = new ArrayList<>();
        record.officials.forEach((key, involvement) -> {
            List<QuarterlyFacts.UmbrellaClue> about = cluesOf(record).getOrDefault(key, List.of());
            QuarterlyFacts.CaseFact followUp = record.followUps.get(key);
            QuarterlyFacts.CaseFact finding = record.officialFindings.get(key);
            officials.add(new OfficialLine(key, involvement.personName(), involvement.unit(), involvement.rank(),
                    involvement.role(), involvement.occurredAt(),
                    about.stream().map(QuarterlyFacts.UmbrellaClue::clueId).sorted().toList(),
                    about.stream().map(QuarterlyFacts.UmbrellaClue::receivedAt)
                            .filter(at -> at != null && at.isBefore(end)).min(Comparator.naturalOrder())
                            .orElse(null),
                    followUp == null ? null : followUp.occurredAt(), followUp == null ? null : followUp.rank(),
                    finding == null ? null : finding.umbrellaFound(), finding == null ? null : finding.text()));
        });
        QuarterlyFacts.CaseFact registration = record.registration;
        QuarterlyFacts.CaseFact caseFollowUp = record.followUps.get("");
        Map<EndorsementRole, Signer> signers = new EnumMap<>(EndorsementRole.class);
        record.closure.endorsement().signers().forEach((role, signer) ->
                signers.put(role, new Signer(signer, record.signerNames.get(signer))));
        return new CaseLine(record.caseNumber, record.jurisdiction,
                registration == null ? null : registration.caseType(),
                registration == null ? null : registration.caseName(),
                registration == null ? null : registration.occurredAt(),
                record.solution == null ? null : record.solution.occurredAt(),
                caseFollowUp == null ? null : caseFollowUp.occurredAt(), new TreeMap<>(record.checks),
                record.closure.status(), record.closure.since(), record.closure.retraced(), signers, officials);
    }

    private Map<String, List<QuarterlyFacts.UmbrellaClue>> cluesOf(CaseRecord record) {
        return cluesByCase.getOrDefault(record.caseNumber, Map.of());
    }

    /** Each official named in a solved case, and each subject of an umbrella clue from it: referred, followed up? */
    private void officialBreaks(CaseRecord record) {
        Instant solvedAt = record.solution.occurredAt();
        Set<String> keys = new TreeSet<>(record.officials.keySet());
        keys.addAll(cluesOf(record).keySet());
        for (String key : keys) {
            List<QuarterlyFacts.UmbrellaClue> about = cluesOf(record).get(key);
            QuarterlyFacts.CaseFact involvement = record.officials.get(key);
            if (about == null) {
                add(QuarterlyBreakCategory.OFFICIAL_NOT_REFERRED, later(involvement.occurredAt(), solvedAt),
                        record.caseNumber, key, null, null, involvement.personName() + "（" + involvement.unit()
                                + "）涉案，未移送问题线索 named in the solved case, no umbrella clue transferred");
            } else if (!record.followUps.containsKey(key)) {
                QuarterlyFacts.UmbrellaClue first = about.stream()
                        .min(Comparator.comparing(QuarterlyFacts.UmbrellaClue::transferredAt)).orElseThrow();
                add(QuarterlyBreakCategory.REFERRAL_NOT_FOLLOWED_UP, first.transferredAt(), record.caseNumber, key,
                        null, null, "线索 " + first.clueId() + " 已移送，未同步跟进 transferred, no follow-up opened");
            }
        }
    }

    private void endorsementBreak(CaseRecord record) {
        if (record.closure.status() == CaseClosure.Status.AWAITING_ENDORSEMENT) {
            Endorsement endorsement = record.closure.endorsement();
            add(QuarterlyBreakCategory.ENDORSEMENT_INCOMPLETE, record.closure.since(), record.caseNumber, null, null,
                    null, String.join("；", endorsement.problems()));
        }
    }

    /** The officials involved in solved cases by rank, as the police count them: one per case and person. */
    private Map<OfficialRank, List<Instant>> countedByPolice() {
        Map<OfficialRank, List<Instant>> counts = new EnumMap<>(OfficialRank.class);
        for (CaseRecord record : solved) {
            record.officials.values().forEach(involvement -> counts.computeIfAbsent(involvement.rank(),
                    r -> new ArrayList<>()).add(later(involvement.occurredAt(), record.solution.occurredAt())));
        }
        return counts;
    }

    /** The officials of solved cases discipline follows up, by the rank it records them at. */
    private Map<OfficialRank, List<Instant>> countedByDiscipline() {
        Map<OfficialRank, List<Instant>> counts = new EnumMap<>(OfficialRank.class);
        for (CaseRecord record : solved) {
            record.followUps.forEach((key, followUp) -> {
                if (!key.isEmpty()) {
                    counts.computeIfAbsent(followUp.rank(), r -> new ArrayList<>())
                            .add(later(followUp.occurredAt(), record.solution.occurredAt()));
                }
            });
        }
        return counts;
    }

    /**
     * A rank the two agencies count differently among the officials both of them record in a case: one named by the
     * police and followed up by the commission at another rank. An official only one agency records is that
     * agency's break already (not referred, not followed up), and counts apart in the figures; here it would only
     * be reported twice. The difference stands since the earliest of its disagreements was on both records.
     */
    private void rankBreaks() {
        Map<OfficialRank, int[]> counts = new EnumMap<>(OfficialRank.class);
        Map<OfficialRank, Instant> since = new EnumMap<>(OfficialRank.class);
        for (CaseRecord record : solved) {
            record.officials.forEach((key, involvement) -> {
                QuarterlyFacts.CaseFact followUp = record.followUps.get(key);
                if (followUp == null || followUp.rank() == involvement.rank()) {
                    return;
                }
                Instant both = later(later(involvement.occurredAt(), followUp.occurredAt()),
                        record.solution.occurredAt());
                counts.computeIfAbsent(involvement.rank(), r -> new int[2])[0]++;
                counts.computeIfAbsent(followUp.rank(), r -> new int[2])[1]++;
                since.merge(involvement.rank(), both, (a, b) -> a.isBefore(b) ? a : b);
                since.merge(followUp.rank(), both, (a, b) -> a.isBefore(b) ? a : b);
            });
        }
        counts.forEach((rank, moved) -> {
            if (moved[0] != moved[1]) {
                int byPolice = policeCounts.getOrDefault(rank, List.of()).size();
                int byDiscipline = disciplineCounts.getOrDefault(rank, List.of()).size();
                add(QuarterlyBreakCategory.RANK_COUNT_DIFFERS, since.get(rank), null, null, null, rank,
                        QuarterlyFigures.rankLabel(rank) + "：政法机关 " + byPolice + " 人，纪检监察机关 " + byDiscipline
                                + " 人，其中 " + Math.abs(moved[0] - moved[1]) + " 人职级记录不同 police count "
                                + byPolice + ", discipline " + byDiscipline + "; ranks recorded differently");
            }
        });
    }

    private void unsupervisedUnfounded() {
        for (QuarterlyFacts.UmbrellaClue clue : clues) {
            boolean unfounded = clue.unfoundedAt() != null && clue.unfoundedAt().isBefore(end);
            boolean supervised = clue.supervisedAt() != null && clue.supervisedAt().isBefore(end);
            if (unfounded && !supervised) {
                add(QuarterlyBreakCategory.UNFOUNDED_WITHOUT_SUPERVISION, clue.unfoundedAt(),
                        clue.linkedCaseNumber(), null, clue.clueId(), null,
                        "保护伞线索查否，未督办 concluded unfounded, never put under supervision");
            }
        }
    }

    private List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        Set<String> knownToDiscipline = new HashSet<>();
        cases.values().forEach(record -> {
            record.followUps.keySet().forEach(knownToDiscipline::add);
            record.officialFindings.keySet().forEach(knownToDiscipline::add);
        });
        for (QuarterlyFacts.UmbrellaClue clue : clues) {
            if (clue.receivedAt() != null && clue.receivedAt().isBefore(end)) {
                knownToDiscipline.addAll(clue.subjectKeys());
            }
        }
        Map<String, Set<String>> casesOf = new TreeMap<>();
        Map<String, String> names = new HashMap<>();
        for (CaseRecord record : solved) {
            record.officials.forEach((key, involvement) -> {
                casesOf.computeIfAbsent(key, k -> new TreeSet<>()).add(record.caseNumber);
                names.putIfAbsent(key, involvement.personName());
                if (!knownToDiscipline.contains(key)) {
                    findings.add(new Finding(FindingKind.OFFICIAL_UNKNOWN_TO_DISCIPLINE,
                            FindingKind.OFFICIAL_UNKNOWN_TO_DISCIPLINE.label(), key, involvement.personName(),
                            List.of(record.caseNumber), List.of(), involvement.unit()));
                }
            });
        }
        Map<String, Set<String>> cluesOf = new TreeMap<>();
        for (QuarterlyFacts.UmbrellaClue clue : clues) {
            clue.subjectKeys().forEach(key -> cluesOf.computeIfAbsent(key, k -> new TreeSet<>()).add(clue.clueId()));
            boolean registered = clue.linkedCaseRegisteredAt() != null && clue.linkedCaseRegisteredAt().isBefore(end);
            if (clue.linkedCaseNumber() != null && !registered) {
                findings.add(new Finding(FindingKind.CLUE_OF_UNREGISTERED_CASE,
                        FindingKind.CLUE_OF_UNREGISTERED_CASE.label(), null, null, List.of(clue.linkedCaseNumber()),
                        List.of(clue.clueId()), "线索所涉案件 " + clue.linkedCaseNumber() + " 无立案记录"));
            }
        }
        Set<String> people = new TreeSet<>(casesOf.keySet());
        people.addAll(cluesOf.keySet());
        for (String key : people) {
            Set<String> inCases = casesOf.getOrDefault(key, Set.of());
            Set<String> inClues = cluesOf.getOrDefault(key, Set.of());
            if (inCases.size() > 1 || inClues.size() > 1) {
                findings.add(new Finding(FindingKind.PERSON_IN_SEVERAL, FindingKind.PERSON_IN_SEVERAL.label(), key,
                        names.get(key), List.copyOf(inCases), List.copyOf(inClues),
                        inCases.size() + " 起案件，" + inClues.size() + " 条线索 cases, clues"));
            }
        }
        return findings;
    }

    private void add(QuarterlyBreakCategory category, Instant since, String caseNumber, String personKey,
                     String clueId, OfficialRank rank, String detail) {
        long ageDays = Duration.between(since, end).toDays();
        breaks.add(new QuarterlyBreak(category, category.label(), category.party(), since, ageDays,
                AgingBucket.of(ageDays), caseNumber, personKey, clueId, rank, detail));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
