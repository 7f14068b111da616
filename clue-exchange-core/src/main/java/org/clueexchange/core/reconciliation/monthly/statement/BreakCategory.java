package org.clueexchange.core.reconciliation.monthly.statement;

import org.clueexchange.core.ledger.FactSide;


/** The kinds of disagreement a monthly statement finds between the two sides' records, and who must act on each. */
public enum BreakCategory {
    SENT_NOT_RECEIVED("已移送未签收", FactSide.RECEIVER),
    RECEIVED_WITHOUT_TRANSFER("已签收无移送记录", FactSide.SENDER),
    CONTENT_DIGEST_DIFFERS("双方线索内容不一致", FactSide.SENDER),
    RETURNED("已退回", FactSide.SENDER),
    CONCLUDED_WITHOUT_FEEDBACK("已办结未反馈", FactSide.RECEIVER),
    FEEDBACK_NOT_ACKNOWLEDGED("已反馈未确认", FactSide.SENDER),
    ACCEPTED_AFTER_SAME_DAY("未当天受理", FactSide.RECEIVER),
    DISPOSAL_LATE("处置超时", FactSide.RECEIVER),
    OPEN_PAST_DUE("逾期未办结反馈", FactSide.RECEIVER),
    /** Acted on by the side that asserted the fact out of sequence. */
    SEQUENCE_ANOMALY("时序异常", null);

    private final String label;
    private final FactSide sideToAct;

    BreakCategory(String label, FactSide sideToAct) {
        this.label = label;
        this.sideToAct = sideToAct;
    }

    public String label() {
        return label;
    }

    FactSide sideToAct() {
        return sideToAct;
    }
}
