package org.clueexchange.core.audit;

import static org.clueexchange.core.reconciliation.statement.StatementCells.text;
import static org.clueexchange.core.reconciliation.statement.StatementCells.time;

import java.util.ArrayList;
import java.util.List;
import org.clueexchange.core.audit.ClueAudit.AuditedRecord;
import org.clueexchange.core.reconciliation.query.StatementDocuments;
import org.clueexchange.core.reconciliation.statement.ReportTable;

/** The audit of a clue as a page to print on A4, laid out and printed as the statements are. */
final class ClueAuditPage {

    private ClueAuditPage() {
    }

    static String of(ClueAudit audit) {
        List<List<Object>> overview = List.of(
                List.of("线索编号 Clue", audit.clueId()),
                List.of("移送方 Sender", text(audit.sender())),
                List.of("接收方 Receiver", text(audit.receiver())),
                List.of("台账状态 State on the ledger", audit.stateLabel() == null ? "不在台账 not on the ledger"
                        : audit.stateLabel()),
                List.of("审计时间 Audited at", time(audit.auditedAt())));
        List<List<Object>> records = new ArrayList<>();
        List<List<Object>> derived = new ArrayList<>();
        for (AuditedRecord record : audit.records()) {
            records.add(List.of(record.topic() + " / " + record.partition() + " / " + record.offset(),
                    text(record.eventType()) + " " + text(record.eventId()), text(record.assertedBy()),
                    text(record.actor()), time(record.occurredAt()), time(record.publishedAt()),
                    time(record.recordedAt()), text(record.schemaFingerprint()), text(record.signingKeyId()),
                    record.signatureLabel()
                            + (record.signatureRefusal() == null ? "" : "：" + record.signatureRefusal()),
                    record.refusal() == null ? "" : record.refusal() + " (" + text(record.refusedBy()) + ")"));
            record.derived().forEach(event -> derived.add(List.of(text(record.eventId()),
                    record.stateAfter() == null ? "" : record.stateAfter().label(), event.sequence(), event.type(),
                    event.label(), time(event.at()))));
        }
        List<List<Object>> breaks = audit.breaks().stream().<List<Object>>map(found -> List.of(found.statementId(),
                found.revision(), found.status(), found.category())).toList();
        return StatementDocuments.page("AUDIT-" + audit.clueId(), "问题线索审计", "Audit of a clue", List.of(
                new ReportTable("概况 Overview", List.of("项目 Item", "内容 Value"), overview),
                new ReportTable("主题记录 Records on the agencies' topics", List.of("主题/分区/偏移 Topic/partition/offset",
                        "事件 Event", "主张机关 Asserted by", "经办人 Actor", "发生 Occurred", "发布 Published",
                        "入账 Recorded", "模式指纹 Schema fingerprint", "签名密钥 Key", "签名 Signature",
                        "拒收 Refused"), records),
                new ReportTable("核心推导 What the core derived", List.of("事实 Fact", "入账后状态 State after",
                        "序号 Sequence", "台账事件 Ledger event", "内容 What", "时间 At"), derived),
                new ReportTable("对账差异 Statement breaks", List.of("对账单 Statement", "版本 Revision",
                        "状态 Status", "差异类别 Category"), breaks)),
                "审计人员 Auditor");
    }
}
