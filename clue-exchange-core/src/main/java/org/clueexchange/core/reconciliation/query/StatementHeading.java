package org.clueexchange.core.reconciliation.query;

import static org.clueexchange.core.reconciliation.statement.StatementCells.time;

import java.util.ArrayList;
import java.util.List;
import org.clueexchange.core.reconciliation.StatementPeriod;
import org.clueexchange.core.reconciliation.messages.PeriodRoot;
import org.clueexchange.core.reconciliation.statement.ReportTable;
import org.clueexchange.core.reconciliation.statement.StatementCells;
import org.clueexchange.wire.StatementId;

/**
 * 对账单信息, the table every format of a statement starts with, whatever its cadence; the workbook's cover sheet. Each
 * row says what, with its value, its time and its digest in columns of their own, so that a confirmation reads as
 * who confirmed, when, and which digest.
 */
final class StatementHeading {

    private static final List<String> COLUMNS = List.of("项目 Item", "内容 Value",
            StatementCells.timeColumn("时间", "Time"), "摘要 Digest (SHA-256)");

    private StatementHeading() {
    }

    /** What the statement is, which revision, its digest and root, its figures, and who confirmed it. */
    static ReportTable of(StatementView statement) {
        StatementPeriod period = StatementPeriod.of(StatementId.parse(statement.statementId()).orElseThrow());
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("对账单编号 Statement", statement.statementId(), "", ""));
        rows.add(List.of("行政区划 Jurisdiction", statement.jurisdiction() + " (" + period.scope() + ")", "", ""));
        rows.add(List.of("对账期间起 Period starts", statement.period(), time(period.start()), ""));
        rows.add(List.of("对账期间止 Period ends (不含 exclusive)", statement.period(), time(period.end()), ""));
        rows.add(List.of("版本 Revision", statement.revision(), "", statement.digest()));
        if (statement.periodRoot() != null) {
            PeriodRoot root = statement.periodRoot();
            rows.add(List.of("期间根 Period root (RFC 9162)", "第" + root.link() + "环 link " + root.link(), "",
                    root.root()));
            rows.add(List.of("前一期间根 Previous root", "", "", root.previousRoot()));
            rows.add(List.of("截取位置 Topic cut", root.cut().isEmpty() ? "(空 empty)" : root.cut(), "", ""));
            rows.add(List.of("期间事实数 Facts in window", root.facts(), "", ""));
        }
        rows.add(List.of("状态 Status", statement.status().label(), "", ""));
        rows.add(List.of("出具 Issued by", statement.issuedBy(), time(statement.issuedAt()), ""));
        rows.add(List.of("台账位置 Ledger position", statement.ledgerPosition(), "", ""));
        statement.content().figures().forEach(figure -> rows.add(List.of(figure.get(0), figure.get(1), "", "")));
        // A confirmation of any other digest is refused, and a new revision clears the confirmations: those that
        // stand confirmed this revision's digest.
        statement.confirmations().forEach(confirmation -> rows.add(List.of("确认 Confirmed by "
                + confirmation.agency(), confirmation.actor(), time(confirmation.occurredAt()), statement.digest())));
        statement.refusals().forEach(refusal -> rows.add(List.of("未采纳的确认 Refused confirmation by "
                + refusal.agency(), refusal.actor() + " · " + refusal.reason(), time(refusal.recordedAt()),
                refusal.digest())));
        return new ReportTable("对账单 Statement", COLUMNS, rows);
    }
}
