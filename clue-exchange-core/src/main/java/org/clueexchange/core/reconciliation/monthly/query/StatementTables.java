package org.clueexchange.core.reconciliation.monthly.query;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.clueexchange.core.ledger.ReceiptChannels;
import org.clueexchange.core.ledger.messages.AgencyId;
import org.clueexchange.core.reconciliation.monthly.statement.AgingBucket;
import org.clueexchange.core.reconciliation.monthly.statement.BreakCategory;
import org.clueexchange.core.reconciliation.monthly.statement.ReportTable;
import org.clueexchange.core.reconciliation.monthly.statement.SideToAct;
import org.clueexchange.core.reconciliation.monthly.statement.StatementContent;
import org.clueexchange.core.reconciliation.monthly.statement.StatementLine;
import org.clueexchange.events.ReceiptChannel;
import org.clueexchange.wire.ExchangeTime;

/**
 * A statement laid out as the tables every format prints, so that the workbook, the CSV file and the printable page
 * carry the same columns under the same Chinese and English headers.
 */
final class StatementTables {

    private static final DateTimeFormatter CST = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ExchangeTime.CHINA_STANDARD_TIME);

    private StatementTables() {
    }

    /** 对账单信息: what the statement is, which revision, its digest, and who confirmed it. */
    static ReportTable heading(MonthlyStatementView statement) {
        StatementContent content = statement.content();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("对账单编号 Statement", statement.statementId()));
        rows.add(List.of("行政区划 Jurisdiction", statement.jurisdiction() + " (" + content.scope() + ")"));
        rows.add(List.of("对账期间 Period", statement.period() + " (" + time(content.periodStart()) + " 至 "
                + time(content.periodEnd()) + ", UTC+8)"));
        rows.add(List.of("版本 Revision", statement.revision()));
        rows.add(List.of("摘要 Digest (SHA-256)", statement.digest()));
        rows.add(List.of("状态 Status", statement.status().label()));
        rows.add(List.of("出具时间 Issued", time(statement.issuedAt()) + " · " + statement.issuedBy()));
        rows.add(List.of("台账位置 Ledger position", statement.ledgerPosition()));
        rows.add(List.of("线索数 Lines", content.lines().size()));
        rows.add(List.of("差异数 Breaks", content.breakCount()));
        rows.add(List.of("更正数 Amendments", content.amendments().size()));
        statement.confirmations().forEach(confirmation -> rows.add(List.of("确认 Confirmed by "
                + confirmation.agency(), confirmation.actor() + " · " + time(confirmation.occurredAt()))));
        statement.refusals().forEach(refusal -> rows.add(List.of("未采纳的确认 Refused confirmation by "
                + refusal.agency(), refusal.actor() + " · " + refusal.reason())));
        return new ReportTable("对账单 Statement", List.of("项目 Item", "内容 Value"), rows);
    }

    /** 线索明细: each clue with the sender's record and the receiver's record side by side. */
    static ReportTable lines(StatementContent content) {
        List<List<Object>> rows = content.lines().stream().map(line -> {
            StatementLine.SenderRecord sender = line.senderRecord();
            StatementLine.ReceiverRecord receiver = line.receiverRecord();
            return Arrays.<Object>asList(line.clueId(), line.direction().label(), agency(line.sender()),
                    agency(line.receiver()), line.state().label(), time(sender.transferredAt()),
                    text(sender.contentDigest()), time(sender.feedbackAcknowledgedAt()),
                    time(receiver.receivedAt()), receiver.receivedAt() == null ? ""
                            : ReceiptChannels.label(receiver.receiptChannel() == null ? ReceiptChannel.EXCHANGE
                            : receiver.receiptChannel()),
                    text(receiver.contentDigest()), time(receiver.acceptedAt()),
                    text(receiver.caseNumber()), time(receiver.returnedAt()), text(receiver.returnReason()),
                    time(receiver.disposedAt()), text(receiver.disposalMethod()), time(receiver.concludedAt()),
                    time(receiver.feedbackAt()), line.breaks().stream().map(StatementLine.Break::label)
                            .collect(Collectors.joining("；")));
        }).toList();
        return new ReportTable("线索明细 Lines", List.of("线索编号 Clue", "移送方向 Direction", "移送方 Sender",
                "接收方 Receiver", "状态 State", "【移送方】移送时间 Transferred", "【移送方】内容摘要 Sender digest",
                "【移送方】反馈确认 Feedback acknowledged", "【接收方】签收时间 Received",
                "【接收方】签收渠道 Received by",
                "【接收方】内容摘要 Receiver digest", "【接收方】受理时间 Accepted", "【接收方】案号 Case number",
                "【接收方】退回时间 Returned", "【接收方】退回原因 Return reason", "【接收方】处置时间 Disposed",
                "【接收方】处置方式 Disposal", "【接收方】办结时间 Concluded", "【接收方】反馈时间 Feedback",
                "差异 Breaks"), rows);
    }

    /** 差异明细: each break, who must act, its age, and the note that resolves it if any. */
    static ReportTable breaks(MonthlyStatementView statement) {
        Map<String, String> notes = statement.resolutions().stream().collect(Collectors.toMap(
                resolution -> resolution.clueId() + "/" + resolution.category(),
                resolution -> resolution.note() + " (" + resolution.resolvedBy() + ")"));
        List<List<Object>> rows = new ArrayList<>();
        statement.content().lines().forEach(line -> line.breaks().forEach(found -> rows.add(Arrays.asList(
                line.clueId(), found.label(), found.category().name(), toAct(found.sideToAct(), line), time(found.since()), found.ageDays(), found.aging().label(),
                text(found.detail()), text(notes.get(line.clueId() + "/" + found.category()))))));
        return new ReportTable("差异明细 Breaks", List.of("线索编号 Clue", "差异类别 Break", "类别代码 Code",
                "责任方 Side to act", "起算时间 Since", "账龄(天) Age (days)", "账龄区间 Aging", "说明 Detail",
                "处理说明 Resolution"), rows);
    }

    /** The side that has to act on a break, and which agency that is. */
    private static String toAct(SideToAct side, StatementLine line) {
        String agencies = switch (side) {
            case SENDER -> agency(line.sender());
            case RECEIVER -> agency(line.receiver());
            case BOTH -> agency(line.sender()) + " / " + agency(line.receiver());
        };
        return side.label() + " " + agencies;
    }

    /** 差异汇总: breaks per category and aging bucket. */
    static ReportTable breakSummary(StatementContent content) {
        Map<BreakCategory, long[]> counts = new EnumMap<>(BreakCategory.class);
        content.lines().forEach(line -> line.breaks().forEach(found -> counts.computeIfAbsent(found.category(),
                category -> new long[AgingBucket.values().length])[found.aging().ordinal()]++));
        List<String> columns = new ArrayList<>(List.of("差异类别 Break"));
        for (AgingBucket bucket : AgingBucket.values()) {
            columns.add(bucket.label());
        }
        columns.add("合计 Total");
        List<List<Object>> rows = new ArrayList<>();
        for (BreakCategory category : BreakCategory.values()) {
            long[] byBucket = counts.getOrDefault(category, new long[AgingBucket.values().length]);
            List<Object> row = new ArrayList<>(List.of(category.label() + " " + category.name()));
            Arrays.stream(byBucket).forEach(row::add);
            row.add(Arrays.stream(byBucket).sum());
            rows.add(row);
        }
        return new ReportTable("差异汇总 Breaks by category and age", columns, rows);
    }

    /** 更正: facts that reached the ledger after their month's confirmed statement was drawn up. */
    static ReportTable amendments(StatementContent content) {
        return new ReportTable("更正 Amendments to confirmed statements", List.of("线索编号 Clue", "事实 Fact",
                "提出方 Asserted by", "发生时间 Occurred", "入账时间 Recorded", "台账位置 Ledger position",
                "原对账单 Confirmed statement"), content.amendments().stream().map(amendment -> List.<Object>of(
                        amendment.clueId(), amendment.label(), agency(amendment.assertedBy()),
                        time(amendment.occurredAt()), time(amendment.recordedAt()), amendment.ledgerPosition(),
                        amendment.confirmedStatementId())).toList());
    }

    static String time(Instant at) {
        return at == null ? "" : CST.format(at);
    }

    private static String agency(AgencyId agency) {
        return agency == null ? "" : agency.toString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
