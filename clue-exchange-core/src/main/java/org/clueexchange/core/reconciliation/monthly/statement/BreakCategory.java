package org.clueexchange.core.reconciliation.monthly.statement;


/** The kinds of disagreement a monthly statement finds between the two sides' records, and who must act on each. */
public enum BreakCategory {
    SENT_NOT_RECEIVED("已移送未签收", SideToAct.RECEIVER),
    RECEIVED_WITHOUT_TRANSFER("已签收无移送记录", SideToAct.SENDER),
    /** Neither copy is known to be the right one, so both agencies have to act. */
    CONTENT_DIGEST_DIFFERS("双方线索内容不一致", SideToAct.BOTH),
    RETURNED("已退回", SideToAct.SENDER),
    CONCLUDED_WITHOUT_FEEDBACK("已办结未反馈", SideToAct.RECEIVER),
    FEEDBACK_NOT_ACKNOWLEDGED("已反馈未确认", SideToAct.SENDER),
    ACCEPTED_AFTER_SAME_DAY("未当天受理", SideToAct.RECEIVER),
    DISPOSAL_LATE("处置超时", SideToAct.RECEIVER),
    OPEN_PAST_DUE("逾期未办结反馈", SideToAct.RECEIVER),
    /**
     * Acted on by the side that asserted the fact out of sequence, or by the side whose fact is missing when a
     * prerequisite never arrived.
     */
    SEQUENCE_ANOMALY("时序异常", null);

    private final String label;
    private final SideToAct sideToAct;

    BreakCategory(String label, SideToAct sideToAct) {
        this.label = label;
        this.sideToAct = sideToAct;
    }

    public String label() {
        return label;
    }

    SideToAct sideToAct() {
        return sideToAct;
    }
}
