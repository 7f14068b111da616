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
            Map.entry("StatementConfirmed", "对账确认"));

    private FactLabels() {
    }

    static String of(String eventType) {
        return LABELS.getOrDefault(eventType, eventType);
    }
}
