package org.clueexchange.core.reconciliation.monthly.statement;

import static org.clueexchange.core.reconciliation.statement.StatementCells.text;
import static org.clueexchange.core.reconciliation.statement.StatementCells.time;
import static org.clueexchange.core.reconciliation.statement.StatementCells.timeColumn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.clueexchange.core.ledger.ReceiptChannels;
import org.clueexchange.core.ledger.messages.AgencyId;
import org.clueexchange.core.reconciliation.statement.BreakNotes;
import org.clueexchange.core.reconciliation.statement.ReportTable;
import org.clueexchange.core.reconciliation.statement.StatementCells;
import org.clueexchange.events.ReceiptChannel;

/**
 * A monthly statement laid out as the tables every format prints after the heading, so that the workbook, the CSV
 * file and the printable page carry the same columns under the same Chinese and English headers.
 */
final class MonthlyTables {

    private MonthlyTables() {
    }

    /** In print order: the breaks by category and age, the summary tables, the breaks, the lines, the amendments. */
    static List<ReportTable> all(StatementContent content, BreakNotes notes) {
        List<ReportTable> tables = new ArrayList<>(List.of(breakSummary(content)));
        tables.addAll(content.summary());
        tables.add(breaks(content, notes));
        tables.add(lines(content));
        tables.add(amendments(content));
        return tables;
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
        return new ReportTable("线索明细 Lines", List.of("线索编号 Clue", "移送方向 Direction", "移送方 Sender", "接收方 Receiver",
                "状态 State", timeColumn("【移送方】移送时间", "Transferred"), "【移送方】内容摘要 Sender digest",
                timeColumn("【移送方】反馈确认", "Feedback acknowledged"), timeColumn("【接收方】签收时间", "Received"),
                "【接收方】签收渠道 Received by", "【接收方】内容摘要 Receiver digest", timeColumn("【接收方】受理时间", "Accepted"),
                "【接收方】案号 Case number", timeColumn("【接收方】退回时间", "Returned"), "【接收方】退回原因 Return reason",
                timeColumn("【接收方】处置时间", "Disposed"), "【接收方】处置方式 Disposal", timeColumn("【接收方】办结时间", "Concluded"),
                timeColumn("【接收方】反馈时间", "Feedback"), "差异 Breaks"), rows);
    }

    /** 差异明细: each break, who must act, its age, and the note that resolves it if any. */
    private static ReportTable breaks(StatementContent content, BreakNotes notes) {
        List<List<Object>> rows = new ArrayList<>();
        content.lines().forEach(line -> line.breaks().forEach(found -> rows.add(Arrays.asList(
                line.clueId(), found.label(), found.category().name(), toAct(found.sideToAct(), line),
                time(found.since()), found.ageDays(), found.aging().label(), text(found.detail()),
                text(notes.on(line.clueId(), found.category().name()))))));
        return new ReportTable("差异明细 Breaks", List.of("线索编号 Clue", "差异类别 Break", "类别代码 Code", "责任方 Side to act",
                timeColumn("起算时间", "Since"), "账龄(天) Age (days)", "账龄区间 Aging", "说明 Detail", "处理说明 Resolution"), rows);
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
    private static ReportTable breakSummary(StatementContent content) {
        return StatementCells.breaksByAge(Arrays.stream(BreakCategory.values()).map(MonthlyTables::category).toList(),
                content.lines().stream().flatMap(line -> line.breaks().stream())
                        .map(found -> new StatementCells.AgedBreak(category(found.category()), found.aging()))
                        .toList());
    }

    private static String category(BreakCategory category) {
        return category.label() + " " + category.name();
    }

    /** 更正: facts that reached the ledger after their month's confirmed statement was drawn up. */
    private static ReportTable amendments(StatementContent content) {
        return new ReportTable("更正 Amendments to confirmed statements", List.of("线索编号 Clue", "事实 Fact",
                "提出方 Asserted by", timeColumn("发生时间", "Occurred"), timeColumn("入账时间", "Recorded"),
                "台账位置 Ledger position", "原对账单 Confirmed statement"), content.amendments().stream().map(amendment -> List.<Object>of(
                        amendment.clueId(), amendment.label(), agency(amendment.assertedBy()),
                        time(amendment.occurredAt()), time(amendment.recordedAt()), amendment.ledgerPosition(),
                        amendment.confirmedStatementId())).toList());
    }

    private static String agency(AgencyId agency) {
        return agency == null ? "" : agency.toString();
    }
}
