package org.clueexchange.core.reconciliation.monthly.statement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clueexchange.core.ledger.Direction;
import org.clueexchange.core.ledger.FactKind;
import org.clueexchange.core.ledger.FactSide;
import org.clueexchange.core.ledger.query.LedgerTotals;
import org.clueexchange.core.reconciliation.StatementPeriod;
import org.clueexchange.core.reconciliation.statement.ReportTable;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.ClueSource;
import org.clueexchange.events.OfficialRank;
import org.clueexchange.events.Outcome;

/**
 * The tables officers report upward, in the groupings the agencies publish: per direction by stage, per clue source,
 * per outcome and per rank, each for the month and cumulative to its last day (截至); and, once last month's statement
 * is confirmed, how each cumulative count of clues follows from it (累计衔接).
 */
final class SummaryTables {

    private static final String STAGE_TABLE = "线索移送情况 Clues by direction and stage";
    private static final Map<LedgerTotals.Stage, String> STAGES = stages();
    /** The stages counted by the fact that reaches them, whose cumulative counts amendments can raise. */
    private static final Map<LedgerTotals.Stage, FactKind> REACHED_BY = Map.of(
            LedgerTotals.Stage.TRANSFERRED, FactKind.TRANSFERRED, LedgerTotals.Stage.RECEIVED, FactKind.RECEIVED,
            LedgerTotals.Stage.ACCEPTED, FactKind.ACCEPTED, LedgerTotals.Stage.RETURNED, FactKind.RETURNED,
            LedgerTotals.Stage.CONCLUDED, FactKind.CONCLUDED);
    private static final Map<ClueSource, String> SOURCES = sources();
    private static final Map<String, Set<String>> OUTCOME_GROUPS = outcomeGroups();
    private static final Map<String, Set<String>> RANK_GROUPS = rankGroups();

    private SummaryTables() {
    }

    /**
     * @param lastMonthSummary the tables of last month's statement as both agencies confirmed it, or null if they have
     *                         not: without them there is nothing to follow from
     * @param amendments       the amendments the statement carries
     */
    static List<ReportTable> of(LedgerTotals totals, StatementPeriod period, List<ReportTable> lastMonthSummary,
                                List<Amendment> amendments) {
        String asOf = "截至" + lastDay(period) + " cumulative";
        List<ReportTable> tables = new ArrayList<>();
        List<String> stageColumns = new ArrayList<>(List.of("移送方向 Direction"));
        STAGES.values().forEach(stage -> {
            stageColumns.add(stage + " 本月 month");
            stageColumns.add(stage + " " + asOf);
        });
        List<List<Object>> stageRows = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            List<Object> row = new ArrayList<>(List.of(direction.label()));
            STAGES.keySet().forEach(stage -> {
                LedgerTotals.Count count = find(totals.stages(), direction, Set.of(stage.name()));
                row.add(count.period());
                row.add(count.cumulative());
            });
            stageRows.add(row);
        }
        tables.add(new ReportTable(STAGE_TABLE, stageColumns, stageRows));
        Map<String, Set<String>> sourceGroups = new LinkedHashMap<>();
        SOURCES.forEach((source, label) -> sourceGroups.put(label, Set.of(source.name())));
        tables.add(grouped("线索来源 Clues by source", "线索来源 Source", "件 clues", totals.sources(), sourceGroups,
                asOf));
        tables.add(grouped("办结结果 Persons by outcome of concluded clues", "处理结果 Outcome", "人 persons",
                totals.outcomes(), OUTCOME_GROUPS, asOf));
        tables.add(grouped("涉及人员职级 Persons named by rank", "职级 Rank", "人 persons", totals.ranks(),
                RANK_GROUPS, asOf));
        if (lastMonthSummary != null) {
            tables.add(bridge(totals, lastMonthSummary, amendments));
        }
        return tables;
    }

    /**
     * 累计衔接: per direction, each cumulative count of clues by a stage as last month's confirmed statement gave it,
     * the clues that the amendments carried here bring to that stage before this month, and this month's own: their
     * sum is this month's cumulative count. What the sum leaves unexplained (差额) is shown, not hidden; it is nought
     * unless the ledger changed what last month's figures counted without a fact that this statement carries.
     */
    private static ReportTable bridge(LedgerTotals totals, List<ReportTable> lastMonthSummary,
                                      List<Amendment> amendments) {
        ReportTable lastMonth = lastMonthSummary.stream().filter(table -> table.title().equals(STAGE_TABLE))
                .findFirst().orElseThrow(() -> new IllegalStateException("last month's statement has no table "
                        + STAGE_TABLE));
        List<LedgerTotals.Stage> stages = List.copyOf(STAGES.keySet());
        List<List<Object>> rows = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            List<Object> confirmedRow = lastMonth.rows().stream()
                    .filter(row -> row.get(0).equals(direction.label())).findFirst().orElseThrow();
            for (LedgerTotals.Stage stage : stages) {
                FactKind reachedBy = REACHED_BY.get(stage);
                if (reachedBy == null) {
                    continue;
                }
                long confirmed = ((Number) confirmedRow.get(2 + 2 * stages.indexOf(stage))).longValue();
                long amended = amendments.stream().filter(amendment -> amendment.fact() == reachedBy
                        && amendment.firstOfItsKind() && directionOf(amendment) == direction)
                        .map(Amendment::clueId).distinct().count();
                LedgerTotals.Count count = find(totals.stages(), direction, Set.of(stage.name()));
                rows.add(List.of(direction.label(), STAGES.get(stage), confirmed, amended, count.period(),
                        count.cumulative(), count.cumulative() - confirmed - amended - count.period()));
            }
        }
        return new ReportTable("累计衔接 Cumulative counts from last month's confirmed statement", List.of(
                "移送方向 Direction", "项目 Stage", "上月确认累计 confirmed cumulative of last month",
                "本月更正 amendments", "本月 month", "本月累计 cumulative", "差额 unexplained"), rows);
    }

    private static Direction directionOf(Amendment amendment) {
        AgencyType assertedBy = amendment.assertedBy().type();
        return amendment.fact().side() == FactSide.SENDER ? Direction.sentBy(assertedBy)
                : Direction.receivedBy(assertedBy);
    }

    /** One row per direction and group, counting the month's and the cumulative figures of the group's items. */
    private static ReportTable grouped(String title, String groupColumn, String unit, List<LedgerTotals.Count> counts,
                                       Map<String, Set<String>> groups, String asOf) {
        List<List<Object>> rows = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            groups.forEach((label, items) -> {
                LedgerTotals.Count count = find(counts, direction, items);
                rows.add(List.of(direction.label(), label, count.period(), count.cumulative()));
            });
        }
        return new ReportTable(title, List.of("移送方向 Direction", groupColumn, "本月 month (" + unit + ")",
                asOf + " (" + unit + ")"), rows);
    }

    private static LedgerTotals.Count find(List<LedgerTotals.Count> counts, Direction direction, Set<String> items) {
        long period = 0;
        long cumulative = 0;
        for (LedgerTotals.Count count : counts) {
            if (count.direction() == direction && items.contains(count.item())) {
                period += count.period();
                cumulative += count.cumulative();
            }
        }
        return new LedgerTotals.Count(direction, null, period, cumulative);
    }

    private static LocalDate lastDay(StatementPeriod period) {
        return period.lastMonth().atEndOfMonth();
    }

    private static Map<LedgerTotals.Stage, String> stages() {
        Map<LedgerTotals.Stage, String> stages = new EnumMap<>(LedgerTotals.Stage.class);
        stages.put(LedgerTotals.Stage.TRANSFERRED, "移送 transferred");
        stages.put(LedgerTotals.Stage.RECEIVED, "签收 received");
        stages.put(LedgerTotals.Stage.ACCEPTED, "受理 accepted");
        stages.put(LedgerTotals.Stage.RETURNED, "退回 returned");
        stages.put(LedgerTotals.Stage.CONCLUDED, "办结 concluded");
        stages.put(LedgerTotals.Stage.OPEN_AFTER_ACCEPTANCE, "在办 in progress");
        return stages;
    }

    private static Map<ClueSource, String> sources() {
        Map<ClueSource, String> sources = new LinkedHashMap<>();
        sources.put(ClueSource.HIGHER_LEVEL_ASSIGNED, "上级交办 assigned by a higher level");
        sources.put(ClueSource.OWN_DISCOVERY, "自行发现 own discovery");
        sources.put(ClueSource.INSPECTION_TOUR, "巡视巡察 inspection tour");
        sources.put(ClueSource.POLITICAL_LEGAL_TRANSFER, "政法机关移送 political-legal transfer");
        sources.put(ClueSource.OTHER_UNIT_TRANSFER, "其他单位移送 other unit");
        sources.put(ClueSource.PUBLIC_REPORT, "群众举报 public report");
        sources.put(ClueSource.OTHER, "其他 other");
        return sources;
    }

    private static Map<String, Set<String>> outcomeGroups() {
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        groups.put("立案 put on file", names(Outcome.PUT_ON_FILE, Outcome.CRIMINAL_CASE_OPENED));
        groups.put("党纪政务处分 party or administrative sanction",
                names(Outcome.PARTY_DISCIPLINE, Outcome.ADMINISTRATIVE_SANCTION));
        groups.put("组织处理/问责 organisational handling or accountability",
                names(Outcome.ORGANISATIONAL_HANDLING, Outcome.ACCOUNTABILITY));
        groups.put("留置 detention", names(Outcome.DETENTION));
        groups.put("移送司法 transferred to the judiciary",
                names(Outcome.TRANSFER_TO_JUDICIARY, Outcome.SENT_FOR_PROSECUTION));
        groups.put("其他 other", names(Outcome.UNFOUNDED, Outcome.NOT_OPENED, Outcome.MERGED, Outcome.OTHER));
        return groups;
    }

    private static Map<String, Set<String>> rankGroups() {
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        groups.put("县处级(含以上) county/division and above", names(OfficialRank.PROVINCIAL_MINISTERIAL,
                OfficialRank.DEPARTMENT_BUREAU, OfficialRank.COUNTY_DIVISION));
        groups.put("乡科级 township/section", names(OfficialRank.TOWNSHIP_SECTION));
        groups.put("村(社区)干部 village cadre", names(OfficialRank.VILLAGE_CADRE));
        groups.put("其他 other", names(OfficialRank.GENERAL_STAFF, OfficialRank.OTHER));
        return groups;
    }

    private static Set<String> names(Enum<?>... values) {
        Set<String> names = new LinkedHashSet<>();
        for (Enum<?> value : values) {
            names.add(value.name());
        }
        return names;
    }
}
