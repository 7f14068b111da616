package org.clueexchange.core.reconciliation.quarterly.statement;

import static org.clueexchange.core.reconciliation.statement.StatementCells.text;
import static org.clueexchange.core.reconciliation.statement.StatementCells.time;
import static org.clueexchange.core.reconciliation.statement.StatementCells.timeColumn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.clueexchange.core.casefile.Endorsement;
import org.clueexchange.core.reconciliation.quarterly.statement.QuarterlyStatementContent.CaseLine;
import org.clueexchange.core.reconciliation.quarterly.statement.QuarterlyStatementContent.OfficialLine;
import org.clueexchange.core.reconciliation.quarterly.statement.QuarterlyStatementContent.Signer;
import org.clueexchange.core.reconciliation.statement.BreakNotes;
import org.clueexchange.core.reconciliation.statement.ReportTable;
import org.clueexchange.core.reconciliation.statement.StatementCells;
import org.clueexchange.events.CaseCheck;
import org.clueexchange.events.EndorsementRole;
import org.clueexchange.events.InvolvementRole;

/**
 * A quarterly statement laid out as the tables every format prints after the heading: the workbook, the CSV file and
 * the printable page carry the same columns under the same Chinese and English headers.
 */
final class QuarterlyTables {

    private QuarterlyTables() {
    }

    /** In print order: breaks by category and age, figures, breaks, findings, cases, officials, amendments. */
    static List<ReportTable> all(QuarterlyStatementContent content, BreakNotes notes) {
        List<ReportTable> tables = new ArrayList<>(List.of(breakSummary(content)));
        tables.addAll(content.summary());
        tables.add(breaks(content, notes));
        tables.add(findings(content));
        tables.add(cases(content));
        tables.add(officials(content));
        tables.add(amendments(content));
        return tables;
    }

    private static ReportTable breakSummary(QuarterlyStatementContent content) {
        return StatementCells.breaksByAge(Arrays.stream(QuarterlyBreakCategory.values())
                        .map(QuarterlyTables::category).toList(),
                content.breaks().stream().map(found -> new StatementCells.AgedBreak(category(found.category()),
                        found.aging())).toList());
    }

    private static String category(QuarterlyBreakCategory category) {
        return category.label() + " " + category.name();
    }

    /** 差异明细: each break, the agency to act, its age, and the note that resolves it if any. */
    private static ReportTable breaks(QuarterlyStatementContent content, BreakNotes notes) {
        Map<String, String> names = names(content);
        List<List<Object>> rows = content.breaks().stream().map(found -> Arrays.<Object>asList(found.item(),
                text(found.caseNumber()), text(names.get(found.personKey())), text(found.clueId()),
                found.rank() == null ? "" : QuarterlyFigures.rankLabel(found.rank()), found.label(),
                found.category().name(), found.partyToAct().label(), time(found.since()), found.ageDays(),
                found.aging().label(), text(found.detail()), text(notes.on(found.item(), found.category().name()))))
                .toList();
        return new ReportTable("差异明细 Breaks", List.of("事项 Item", "案件编号 Case", "涉案人员 Official", "线索编号 Clue", "职级 Rank",
                "差异类别 Break", "类别代码 Code", "责任方 Agency to act", timeColumn("起算时间", "Since"), "账龄(天) Age (days)",
                "账龄区间 Aging", "说明 Detail", "处理说明 Resolution"), rows);
    }

    /** 跨部门发现: what neither agency could see alone. */
    private static ReportTable findings(QuarterlyStatementContent content) {
        return new ReportTable("跨部门比对发现 Findings across both agencies", List.of("发现类别 Finding",
                "涉案人员 Official", "人员标识 Person key", "案件 Cases", "线索 Clues", "说明 Detail"),
                content.findings().stream().map(finding -> List.<Object>of(finding.label(), text(finding.name()),
                        text(finding.personKey()), String.join("、", finding.caseNumbers()),
                        String.join("、", finding.clueIds()), text(finding.detail()))).toList());
    }

    /** 案件明细: each gang case, the three checks, where its follow-up stands and who endorsed it. */
    private static ReportTable cases(QuarterlyStatementContent content) {
        List<List<Object>> rows = new ArrayList<>();
        for (CaseLine line : content.cases()) {
            List<Object> row = new ArrayList<>(Arrays.asList(line.caseNumber(), line.jurisdiction(),
                    line.caseType() == null ? "未立案 not registered" : QuarterlyFigures.typeLabel(line.caseType()),
                    text(line.caseName()), time(line.registeredAt()), time(line.solvedAt()),
                    time(line.followUpOpenedAt())));
            for (CaseCheck check : List.of(CaseCheck.RELATIONSHIP_NETWORK, CaseCheck.PROTECTIVE_UMBRELLA,
                    CaseCheck.SUPERVISORY_DUTY)) {
                row.add(text(line.checks().get(check)));
            }
            row.add(line.closure().label());
            row.add(time(line.closureSince()));
            row.add(line.retraced() ? "是 yes" : "");
            for (EndorsementRole role : Endorsement.ROLES) {
                Signer signer = line.signers().get(role);
                row.add(signer == null ? "" : text(signer.signerName()) + "（" + signer.signerId() + "）");
            }
            row.add(line.officials().size());
            rows.add(row);
        }
        return new ReportTable("案件明细 Gang cases", List.of("案件编号 Case", "辖区 Jurisdiction", "案件类型 Type", "案件名称 Name",
                timeColumn("立案时间", "Registered"), timeColumn("破案时间", "Solved"), timeColumn("同步跟进", "Follow-up opened"),
                "查关系网 Relationship network", "查保护伞 Umbrella", "查主体责任和监管责任 Departments' duty", "跟进结论 Closure",
                timeColumn("结论时间", "Since"), "回溯核查 Re-traced", "跟进人员签字 Follow-up officer", "分管领导签字 Leader in charge",
                "主要领导签字 Principal leader", "涉案公职人员 Officials"), rows);
    }

    /** 涉案公职人员明细: each official of each case, the police's record beside discipline's; also the CSV file. */
    static ReportTable officials(QuarterlyStatementContent content) {
        Map<String, List<String>> breaksOn = new HashMap<>();
        content.breaks().forEach(found -> breaksOn.computeIfAbsent(found.item(), item -> new ArrayList<>())
                .add(found.label()));
        List<List<Object>> rows = new ArrayList<>();
        for (CaseLine line : content.cases()) {
            for (OfficialLine official : line.officials()) {
                rows.add(Arrays.asList(line.caseNumber(), official.name(), official.personKey(), official.unit(),
                        QuarterlyFigures.rankLabel(official.policeRank()), roleLabel(official.role()),
                        time(official.involvedAt()), String.join("、", official.umbrellaClueIds()),
                        time(official.clueReceivedAt()), time(official.followUpOpenedAt()),
                        official.disciplineRank() == null ? "" : QuarterlyFigures.rankLabel(official.disciplineRank()),
                        official.umbrellaFound() == null ? "" : official.umbrellaFound() ? "是 yes" : "否 no",
                        text(official.outcome()), String.join("；", breaksOn.getOrDefault(QuarterlyStatementContent
                                .official(line.caseNumber(), official.personKey()), List.of()))));
            }
        }
        return new ReportTable("涉案公职人员明细 Officials involved", List.of("案件编号 Case", "姓名 Name", "人员标识 Person key",
                "工作单位及职务 Unit", "【政法机关】职级 Police: rank", "【政法机关】涉案情形 Role", timeColumn("【政法机关】认定时间", "Named"),
                "【政法机关】移送线索 Umbrella clues", timeColumn("【纪检监察机关】签收线索", "Discipline: clue received"),
                timeColumn("【纪检监察机关】同步跟进", "Followed up"), "【纪检监察机关】职级 Rank", "【纪检监察机关】发现保护伞 Umbrella found",
                "【纪检监察机关】处理结果 Outcome", "差异 Breaks"), rows);
    }

    /** 更正: facts that reached the case files after their quarter's confirmed statement was drawn up. */
    private static ReportTable amendments(QuarterlyStatementContent content) {
        return new ReportTable("更正 Amendments to confirmed statements", List.of("案件编号 Case", "线索编号 Clue",
                "事实 Fact", "提出方 Asserted by", timeColumn("发生时间", "Occurred"), "台账位置 Ledger position",
                "原对账单 Confirmed statement"), content.amendments().stream().map(amendment -> List.<Object>of(
                        text(amendment.caseNumber()), text(amendment.clueId()), amendment.label(),
                        amendment.assertedBy(), time(amendment.occurredAt()), amendment.ledgerPosition(),
                        amendment.confirmedStatementId())).toList());
    }

    private static Map<String, String> names(QuarterlyStatementContent content) {
        return content.cases().stream().flatMap(line -> line.officials().stream())
                .collect(Collectors.toMap(OfficialLine::personKey, OfficialLine::name, (first, other) -> first));
    }

    private static String roleLabel(InvolvementRole role) {
        return switch (role) {
            case SUSPECTED_UMBRELLA -> "涉嫌充当保护伞";
            case BRIBE_TAKER -> "收受贿赂";
            case DERELICTION -> "失职渎职";
            case OTHER -> "其他";
        };
    }
}
