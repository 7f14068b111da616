package org.clueexchange.core.reconciliation.query;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.clueexchange.core.reconciliation.StatementPeriod;
import org.clueexchange.core.reconciliation.messages.PeriodRoot;
import org.clueexchange.core.reconciliation.statement.ReportTable;
import org.clueexchange.wire.ExchangeTime;
import org.clueexchange.wire.StatementId;

/** 对账单信息, the table every format of a statement starts with, whatever its cadence. */
final class StatementHeading {

    private static final DateTimeFormatter CST = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ExchangeTime.CHINA_STANDARD_TIME);

    private StatementHeading() {
    }

    /** What the statement is, which revision, its digest, its figures, and who confirmed it. */
    static ReportTable of(StatementView statement) {
        StatementPeriod period = StatementPeriod.of(StatementId.parse(statement.statementId()).orElseThrow());
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("对账单编号 Statement", statement.statementId()));
        rows.add(List.of("行政区划 Jurisdiction", statement.jurisdiction() + " (" + period.scope() + ")"));
        rows.add(List.of("对账期间 Period", statement.period() + " (" + time(period.start()) + " 至 "
                + time(period.end()) + ", UTC+8)"));
        rows.add(List.of("版本 Revision", statement.revision()));
        rows.add(List.of("摘要 Digest (SHA-256)", statement.digest()));
        if (statement.periodRoot() != null) {
            PeriodRoot root = statement.periodRoot();
            rows.add(List.of("期间根 Period root (RFC 9162)", root.root()));
            rows.add(List.of("前一期间根 Previous root", root.previousRoot() + " · 第" + root.link() + "环 link "
                    + root.link()));
            rows.add(List.of("截取位置 Topic cut", root.cut().isEmpty() ? "(空 empty)" : root.cut()));
            rows.add(List.of("期间事实数 Facts in window", root.facts()));
        }
        rows.add(List.of("状态 Status", statement.status().label()));
        rows.add(List.of("出具时间 Issued", time(statement.issuedAt()) + " · " + statement.issuedBy()));
        rows.add(List.of("台账位置 Ledger position", statement.ledgerPosition()));
        rows.addAll(statement.content().figures());
        statement.confirmations().forEach(confirmation -> rows.add(List.of("确认 Confirmed by "
                + confirmation.agency(), confirmation.actor() + " · " + time(confirmation.occurredAt()))));
        statement.refusals().forEach(refusal -> rows.add(List.of("未采纳的确认 Refused confirmation by "
                + refusal.agency(), refusal.actor() + " · " + refusal.reason())));
        return new ReportTable("对账单 Statement", List.of("项目 Item", "内容 Value"), rows);
    }

    private static String time(Instant at) {
        return CST.format(at);
    }
}
