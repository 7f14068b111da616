package org.clueexchange.adapter.clues;

import java.util.Map;

/** The Chinese names agency officers know the facts by. */
final class FactLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("ClueTransferred", "移送"),
            Map.entry("ClueReceived", "签收"),
            Map.entry("ClueAccepted", "受理"),
            Map.entry("ClueReturned", "退回"),
            Map.entry("DisposalDecided", "处置"),
            Map.entry("ProgressReported", "进展"),
            Map.entry("ClueConcluded", "办结"),
            Map.entry("FeedbackSent", "反馈"),
            Map.entry("FeedbackAcknowledged", "反馈确认"),
            Map.entry("SupervisionOrdered", "督办"),
            Map.entry("StatementConfirmed", "对账确认"),
            Map.entry("GangCaseRegistered", "涉黑涉恶案件立案"),
            Map.entry("GangCaseSolved", "破案"),
            Map.entry("OfficialInvolved", "涉案公职人员"),
            Map.entry("FollowUpOpened", "同步跟进"),
            Map.entry("CaseCheckCompleted", "一案三查"),
            Map.entry("UmbrellaFindingMade", "保护伞认定"),
            Map.entry("EndorsementSigned", "签字背书"),
            Map.entry("RetraceOrdered", "回溯核查"));

    private FactLabels() {
    }

    static String of(String eventType) {
        return LABELS.getOrDefault(eventType, eventType);
    }
}
