package org.clueexchange.core.reconciliation.quarterly.statement;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.clueexchange.core.casefile.CaseClosure;
import org.clueexchange.core.reconciliation.statement.AgingBucket;
import org.clueexchange.core.reconciliation.statement.BreakNotes;
import org.clueexchange.core.reconciliation.statement.ReportTable;
import org.clueexchange.core.reconciliation.statement.StatementText;
import org.clueexchange.events.CaseCheck;
import org.clueexchange.events.EndorsementRole;
import org.clueexchange.events.GangCaseType;
import org.clueexchange.events.InvolvementRole;
import org.clueexchange.events.OfficialRank;

/**
 * What a quarterly statement (查处涉黑涉恶犯罪案件中涉及公职人员情况一季度一对账) says, and what its digest covers: every
 * gang case solved by the quarter's end with each official involved and what discipline recorded about them, the
 * breaks with the agency to act, the findings across both agencies, the figures, and the amendments to statements
 * already confirmed.
 *
 * @param summary the figures (the umbrella-found ratio, the mismatch check, the officials by rank): each quarter's
 *                count from the first case on, so the next quarter follows on from them by counting again
 */
public record QuarterlyStatementContent(String statementId, String jurisdiction, String scope, String period,
                                        Instant periodStart, Instant periodEnd, List<CaseLine> cases,
                                        List<QuarterlyBreak> breaks, List<Finding> findings,
                                        List<ReportTable> summary, List<CaseAmendment> amendments)
        implements StatementText {

    public QuarterlyStatementContent {
        cases = List.copyOf(cases);
        breaks = List.copyOf(breaks);
        findings = List.copyOf(findings);
        summary = List.copyOf(summary);
        amendments = List.copyOf(amendments);
    }

    @Override
    public List<List<Object>> figures() {
        return List.of(List.of("案件数 Gang cases", cases.size()),
                List.of("涉案公职人员 Officials", cases.stream().mapToInt(line -> line.officials().size()).sum()),
                List.of("差异数 Breaks", breaks.size()), List.of("发现数 Findings", findings.size()),
                List.of("更正数 Amendments", amendments.size()));
    }

    @Override
    public List<ReportTable> tables(BreakNotes notes) {
        return QuarterlyTables.all(this, notes);
    }

    @Override
    public ReportTable lineTable() {
        return QuarterlyTables.officials(this);
    }

    @Override
    public Set<String> breakCategories() {
        return Arrays.stream(QuarterlyBreakCategory.values()).map(Enum::name)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean listsBreak(String itemId, String category) {
        return breaks.stream().anyMatch(found -> found.item().equals(itemId)
                && found.category().name().equals(category));
    }

    @Override
    public String overview() {
        return "案件 " + cases.size() + " cases · 差异 " + breaks.size() + " breaks · 发现 " + findings.size()
                + " findings · 更正 " + amendments.size() + " amendments";
    }

    /**
     * A gang case as both agencies recorded it by the quarter's end.
     *
     * @param registeredAt null for a case discipline follows up that the police never registered
     * @param signers      the endorsement's signers by role, in the current round (since the latest re-trace)
     * @param checks       the latest finding of each of the three checks
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaseLine(String caseNumber, String jurisdiction, GangCaseType caseType, String caseName,
                           Instant registeredAt, Instant solvedAt, Instant followUpOpenedAt,
                           Map<CaseCheck, String> checks, CaseClosure.Status closure, Instant closureSince,
                           boolean retraced, Map<EndorsementRole, Signer> signers, List<OfficialLine> officials) {
    }

    public record Signer(String signerId, String signerName) {
    }

    /**
     * An official involved in a case: the police's record of them beside discipline's.
     *
     * @param umbrellaClueIds the umbrella clues the police transferred about them from this case
     * @param clueReceivedAt  when discipline first signed for one of them
     * @param umbrellaFound   discipline's latest finding on them, null if none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OfficialLine(String personKey, String name, String unit, OfficialRank policeRank,
                               InvolvementRole role, Instant involvedAt, List<String> umbrellaClueIds,
                               Instant clueReceivedAt, Instant followUpOpenedAt, OfficialRank disciplineRank,
                               Boolean umbrellaFound, String outcome) {
    }

    /**
     * A disagreement, the agency to act, since when and how old at the quarter's end.
     *
     * @param caseNumber the case it concerns, if one
     * @param personKey  the official it concerns, if one
     * @param clueId     the clue it concerns, if one
     * @param rank       for a difference in the counts by rank: the rank
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(value = "item", allowGetters = true)
    public record QuarterlyBreak(QuarterlyBreakCategory category, String label, PartyToAct partyToAct,
                                 Instant since, long ageDays, AgingBucket aging, String caseNumber,
                                 String personKey, String clueId, OfficialRank rank, String detail) {

        /**
         * What the break is about, as an officer's note names it (in the statement's text too, so that a system reading
         * it need not know how it is made): the clue, the case, the case and the official
         * ({@code caseNumber:} and the first 16 hex digits of the person key, which tell a case's officials apart and
         * keep the item within the length of an id), or the rank.
         */
        @JsonProperty("item")
        public String item() {
            if (clueId != null) {
                return clueId;
            }
            if (rank != null) {
                return rank.name();
            }
            return personKey == null ? caseNumber : official(caseNumber, personKey);
        }
    }

    /** How an official of a case is named as the item of a break. */
    static String official(String caseNumber, String personKey) {
        return caseNumber + ":" + personKey.substring(0, 16);
    }

    /** A finding no single agency could have made, with the cases and clues it rests on. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Finding(FindingKind kind, String label, String personKey, String name, List<String> caseNumbers,
                          List<String> clueIds, String detail) {
    }

    /**
     * 更正: a fact of an earlier quarter that reached the ledger after that quarter's statement was confirmed: a fact
     * of a gang case's file, or of an umbrella clue ({@code clueId} set, {@code caseNumber} the case it names if any).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaseAmendment(String caseNumber, String clueId, String fact, String label, String assertedBy,
                                Instant occurredAt, long ledgerPosition, String confirmedStatementId) {
    }
}
