package org.clueexchange.core;

import java.util.Map;
import java.util.function.Function;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * Reads events stored under the class names they had before their classes moved into the packages of their role, or
 * before the monthly statement's events became those of every cadence's statement, as the classes they are now: the
 * event store keeps every event as it was written, and the ledger and statements are rebuilt from it. Only the name
 * changed; the fields are the same (a break's category, once monthly's enum, was stored by its name, as it is now).
 */
@Component
public class MovedEventTypes extends SingleEventUpcaster {

    private static final String LEDGER = "org.clueexchange.core.ledger.";
    private static final String MONTHLY = "org.clueexchange.core.reconciliation.monthly.";
    private static final String STATEMENTS = "org.clueexchange.core.reconciliation.messages.";

    /** Former class name → current class name. */
    static final Map<String, String> MOVED = Map.ofEntries(
            ledger("ClueTransferRecorded"), ledger("ClueReceiptRecorded"), ledger("ClueAcceptanceRecorded"),
            ledger("ClueReturnRecorded"), ledger("DisposalRecorded"), ledger("ProgressRecorded"),
            ledger("ConclusionRecorded"), ledger("FeedbackRecorded"), ledger("FeedbackAcknowledgementRecorded"),
            ledger("SupervisionRecorded"), ledger("LedgerAnomalyRecorded"), ledger("SlaClockStarted"),
            ledger("SlaClockStopped"), ledger("SlaBreached"),
            monthly("MonthlyStatementIssued", "StatementIssued"), monthly("MonthlyStatementConfirmed",
                    "StatementConfirmed"), monthly("MonthlyStatementConfirmationRefused",
                    "StatementConfirmationRefused"), monthly("StatementBreakResolved", "StatementBreakResolved"),
            monthlyMessage("MonthlyStatementIssued", "StatementIssued"), monthlyMessage("MonthlyStatementConfirmed",
                    "StatementConfirmed"), monthlyMessage("MonthlyStatementConfirmationRefused",
                    "StatementConfirmationRefused"), monthlyMessage("StatementBreakResolved",
                    "StatementBreakResolved"));

    private static Map.Entry<String, String> ledger(String event) {
        return Map.entry(LEDGER + event, LEDGER + "messages." + event);
    }

    /** A monthly statement's event as stored before the packages were arranged by role. */
    private static Map.Entry<String, String> monthly(String event, String now) {
        return Map.entry(MONTHLY + event, STATEMENTS + now);
    }

    /** A monthly statement's event as stored before statements served every cadence. */
    private static Map.Entry<String, String> monthlyMessage(String event, String now) {
        return Map.entry(MONTHLY + "messages." + event, STATEMENTS + now);
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return MOVED.containsKey(event.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return renamed(event, event.getContentType(), new SimpleSerializedType(MOVED.get(event.getType().getName()),
                event.getType().getRevision()));
    }

    /** The same data, in whatever form it is read ({@code contentType}), under its current class name. */
    private static <T> IntermediateEventRepresentation renamed(IntermediateEventRepresentation event,
                                                               Class<T> contentType, SimpleSerializedType type) {
        return event.upcastPayload(type, contentType, Function.identity());
    }
}
