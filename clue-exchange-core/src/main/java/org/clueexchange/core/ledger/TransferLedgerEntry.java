package org.clueexchange.core.ledger;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
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
 * agencies' topics deliver them. Anomalies are judged pair by pair, each time the second fact of a pair arrives,
 * and always attached to the same fact of the pair, so that any delivery order leaves the same facts and anomalies.
 * Only a fact already recorded (same event id) has no effect, which makes redelivery harmless.
 */
@Aggregate
public class TransferLedgerEntry {

    /** Which of two facts came first by the agencies' own clocks; event ids break ties. */
    static final Comparator<Assertion> EARLIEST =
            Comparator.comparing(Assertion::occurredAt).thenComparing(Assertion::eventId);

    @AggregateIdentifier
    private String clueId;
    private final Set<String> recordedFacts = new HashSet<>();
    private final List<Transfer> transfers = new ArrayList<>();
    private final List<Assertion> receipts = new ArrayList<>();
    private final List<Assertion> acceptances = new ArrayList<>();

    protected TransferLedgerEntry() {
        // Axon rebuilds the entry from its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordTransfer command) {
        if (recordedFacts.contains(command.assertion().eventId())) {
            return;
        }
        String clue = command.clueId();
        Transfer transfer = new Transfer(command.assertion(), command.receiver());
        List<LedgerAnomalyRecorded> anomalies = new ArrayList<>();
        for (Transfer other : transfers) {
            anomalies.addAll(repeated(clue, transfer, other));
        }
        for (Assertion receiverSide : receiverSideFacts()) {
            anomalies.addAll(mismatch(clue, receiverSide, transfer));
        }
        for (Assertion receipt : receipts) {
            anomalies.addAll(receivedBeforeTransferred(clue, receipt, transfer));
        }
        apply(new ClueTransferRecorded(clue, command.assertion(), command.receiver(), command.clue()));
        anomalies.forEach(anomaly -> apply(anomaly));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordReceipt command) {
        Assertion receipt = command.assertion();
        if (recordedFacts.contains(receipt.eventId())) {
            return;
        }
        List<LedgerAnomalyRecorded> anomalies = new ArrayList<>();
        for (Transfer transfer : transfers) {
            anomalies.addAll(mismatch(command.clueId(), receipt, transfer));
            anomalies.addAll(receivedBeforeTransferred(command.clueId(), receipt, transfer));
        }
        for (Assertion acceptance : acceptances) {
            anomalies.addAll(acceptedBeforeReceived(command.clueId(), acceptance, receipt));
        }
        apply(new ClueReceiptRecorded(command.clueId(), receipt, command.sender(), command.contentDigest()));
        anomalies.forEach(anomaly -> apply(anomaly));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordAcceptance command) {
        Assertion acceptance = command.assertion();
        if (recordedFacts.contains(acceptance.eventId())) {
            return;
        }
        List<LedgerAnomalyRecorded> anomalies = new ArrayList<>();
        for (Transfer transfer : transfers) {
            anomalies.addAll(mismatch(command.clueId(), acceptance, transfer));
        }
        for (Assertion receipt : receipts) {
            anomalies.addAll(acceptedBeforeReceived(command.clueId(), acceptance, receipt));
        }
        apply(new ClueAcceptanceRecorded(command.clueId(), acceptance, command.receiverCaseNumber()));
        anomalies.forEach(anomaly -> apply(anomaly));
    }

    /** Of two transfers, the later one repeats the earlier. */
    private static List<LedgerAnomalyRecorded> repeated(String clueId, Transfer one, Transfer other) {
        boolean oneIsLater = EARLIEST.compare(one.assertion(), other.assertion()) > 0;
        Transfer later = oneIsLater ? one : other;
        Transfer earlier = oneIsLater ? other : one;
        return List.of(anomaly(clueId, later.assertion(), earlier.assertion(), AnomalyKind.REPEATED_TRANSFER,
                "transferred again at " + later.assertion().occurredAt() + " (first transferred at "
                        + earlier.assertion().occurredAt() + ")"));
    }

    private static List<LedgerAnomalyRecorded> mismatch(String clueId, Assertion receiverSide, Transfer transfer) {
        if (receiverSide.assertedBy().equals(transfer.receiver())) {
            return List.of();
        }
        return List.of(anomaly(clueId, receiverSide, transfer.assertion(), AnomalyKind.RECEIVER_MISMATCH,
                "asserted by " + receiverSide.assertedBy() + ", but the transfer names " + transfer.receiver()));
    }

    private static List<LedgerAnomalyRecorded> receivedBeforeTransferred(String clueId, Assertion receipt,
                                                                         Transfer transfer) {
        if (!receipt.occurredAt().isBefore(transfer.assertion().occurredAt())) {
            return List.of();
        }
        return List.of(anomaly(clueId, receipt, transfer.assertion(),
                AnomalyKind.RECEIVED_BEFORE_TRANSFERRED, "received at " + receipt.occurredAt()
                        + ", transferred at " + transfer.assertion().occurredAt()));
    }

    private static List<LedgerAnomalyRecorded> acceptedBeforeReceived(String clueId, Assertion acceptance,
                                                                      Assertion receipt) {
        if (!acceptance.occurredAt().isBefore(receipt.occurredAt())) {
            return List.of();
        }
        return List.of(anomaly(clueId, acceptance, receipt, AnomalyKind.ACCEPTED_BEFORE_RECEIVED,
                "accepted at " + acceptance.occurredAt() + ", received at " + receipt.occurredAt()));
    }

    private List<Assertion> receiverSideFacts() {
        List<Assertion> facts = new ArrayList<>(receipts);
        facts.addAll(acceptances);
        return facts;
    }

    private static LedgerAnomalyRecorded anomaly(String clueId, Assertion fact, Assertion related, AnomalyKind kind,
                                                 String detail) {
        return new LedgerAnomalyRecorded(clueId, fact.eventId(), related.eventId(), kind, detail);
    }

    @EventSourcingHandler
    void on(ClueTransferRecorded event) {
        remember(event.clueId(), event.assertion());
        transfers.add(new Transfer(event.assertion(), event.receiver()));
    }

    @EventSourcingHandler
    void on(ClueReceiptRecorded event) {
        remember(event.clueId(), event.assertion());
        receipts.add(event.assertion());
    }

    @EventSourcingHandler
    void on(ClueAcceptanceRecorded event) {
        remember(event.clueId(), event.assertion());
        acceptances.add(event.assertion());
    }

    private void remember(String clueId, Assertion fact) {
        this.clueId = clueId;
        recordedFacts.add(fact.eventId());
    }

    /** What the entry keeps of a transfer to judge later facts against it. */
    private record Transfer(Assertion assertion, AgencyId receiver) {
    }
}
