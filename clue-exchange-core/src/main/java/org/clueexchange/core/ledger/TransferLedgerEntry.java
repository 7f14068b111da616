package org.clueexchange.core.ledger;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One clue's line in the bidirectional transfer ledger (台账), keyed by the sender's clue id.
 *
 * <p>Each agency's event is a fact it asserts, not a request: every fact is recorded, in whatever order the two
 * agencies' topics deliver them, and a fact that contradicts the others is recorded together with the anomaly. Only a
 * fact already recorded (same event id) has no effect, which makes redelivery harmless.
 */
@Aggregate
public class TransferLedgerEntry {

    @AggregateIdentifier
    private String clueId;
    private final Set<String> recordedFacts = new HashSet<>();
    private Assertion transfer;
    private AgencyId receiver;
    private Assertion receipt;
    private Assertion acceptance;

    protected TransferLedgerEntry() {
        // Axon rebuilds the entry from its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordTransfer command) {
        Assertion fact = command.assertion();
        if (recordedFacts.contains(fact.eventId())) {
            return;
        }
        List<LedgerAnomalyRecorded> anomalies = new ArrayList<>();
        if (transfer != null) {
            anomalies.add(anomaly(command.clueId(), fact, AnomalyKind.REPEATED_TRANSFER,
                    "already transferred by event " + transfer.eventId() + " at " + transfer.occurredAt()));
        } else {
            for (Assertion receiverSide : receiverSideFacts()) {
                if (!receiverSide.assertedBy().equals(command.receiver())) {
                    anomalies.add(anomaly(command.clueId(), fact, AnomalyKind.RECEIVER_MISMATCH,
                            "the transfer names " + command.receiver() + ", but " + receiverSide.assertedBy()
                                    + " asserted event " + receiverSide.eventId()));
                }
            }
            if (receipt != null && receipt.occurredAt().isBefore(fact.occurredAt())) {
                anomalies.add(anomaly(command.clueId(), fact, AnomalyKind.RECEIVED_BEFORE_TRANSFERRED,
                        "received at " + receipt.occurredAt() + ", transferred at " + fact.occurredAt()));
            }
        }
        apply(new ClueTransferRecorded(command.clueId(), fact, command.receiver(), command.clue()));
        anomalies.forEach(anomaly -> apply(anomaly));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordReceipt command) {
        Assertion fact = command.assertion();
        if (recordedFacts.contains(fact.eventId())) {
            return;
        }
        List<LedgerAnomalyRecorded> anomalies = new ArrayList<>();
        receiverMismatch(command.clueId(), fact).ifPresent(anomalies::add);
        if (transfer != null && fact.occurredAt().isBefore(transfer.occurredAt())) {
            anomalies.add(anomaly(command.clueId(), fact, AnomalyKind.RECEIVED_BEFORE_TRANSFERRED,
                    "received at " + fact.occurredAt() + ", transferred at " + transfer.occurredAt()));
        }
        apply(new ClueReceiptRecorded(command.clueId(), fact, command.sender(), command.contentDigest()));
        anomalies.forEach(anomaly -> apply(anomaly));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordAcceptance command) {
        Assertion fact = command.assertion();
        if (recordedFacts.contains(fact.eventId())) {
            return;
        }
        List<LedgerAnomalyRecorded> anomalies = new ArrayList<>();
        receiverMismatch(command.clueId(), fact).ifPresent(anomalies::add);
        if (receipt == null) {
            anomalies.add(anomaly(command.clueId(), fact, AnomalyKind.ACCEPTED_WITHOUT_RECEIPT,
                    "accepted at " + fact.occurredAt() + " with no receipt recorded"));
        } else if (fact.occurredAt().isBefore(receipt.occurredAt())) {
            anomalies.add(anomaly(command.clueId(), fact, AnomalyKind.ACCEPTED_BEFORE_RECEIVED,
                    "accepted at " + fact.occurredAt() + ", received at " + receipt.occurredAt()));
        }
        apply(new ClueAcceptanceRecorded(command.clueId(), fact, command.receiverCaseNumber()));
        anomalies.forEach(anomaly -> apply(anomaly));
    }

    private Optional<LedgerAnomalyRecorded> receiverMismatch(String clueId, Assertion fact) {
        if (receiver == null || receiver.equals(fact.assertedBy())) {
            return Optional.empty();
        }
        return Optional.of(anomaly(clueId, fact, AnomalyKind.RECEIVER_MISMATCH,
                "the transfer names " + receiver + ", but " + fact.assertedBy() + " asserted event "
                        + fact.eventId()));
    }

    private List<Assertion> receiverSideFacts() {
        List<Assertion> facts = new ArrayList<>(2);
        if (receipt != null) {
            facts.add(receipt);
        }
        if (acceptance != null) {
            facts.add(acceptance);
        }
        return facts;
    }

    private static LedgerAnomalyRecorded anomaly(String clueId, Assertion fact, AnomalyKind kind, String detail) {
        return new LedgerAnomalyRecorded(clueId, fact.eventId(), kind, detail);
    }

    @EventSourcingHandler
    void on(ClueTransferRecorded event) {
        remember(event.clueId(), event.assertion());
        if (transfer == null) {
            transfer = event.assertion();
            receiver = event.receiver();
        }
    }

    @EventSourcingHandler
    void on(ClueReceiptRecorded event) {
        remember(event.clueId(), event.assertion());
        if (receipt == null) {
            receipt = event.assertion();
        }
    }

    @EventSourcingHandler
    void on(ClueAcceptanceRecorded event) {
        remember(event.clueId(), event.assertion());
        if (acceptance == null) {
            acceptance = event.assertion();
        }
    }

    private void remember(String clueId, Assertion fact) {
        this.clueId = clueId;
        recordedFacts.add(fact.eventId());
    }
}
