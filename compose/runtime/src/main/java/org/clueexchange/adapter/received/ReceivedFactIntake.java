package org.clueexchange.adapter.received;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.adapter.AdapterAgency;
import org.clueexchange.adapter.AdapterProperties;
import org.clueexchange.adapter.clues.KnownClues;
import org.clueexchange.adapter.clues.SentClueId;
import org.clueexchange.adapter.delivery.Deliveries;
import org.clueexchange.adapter.outbox.Outbox;
import org.clueexchange.adapter.outbox.OutboxEntry;
import org.clueexchange.events.Agency;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.EventEnvelope;
import org.clueexchange.events.GangCaseRegistered;
import org.clueexchange.events.StatementConfirmationRecorded;
import org.clueexchange.events.StatementConfirmed;
import org.clueexchange.events.SupervisionOrdered;
import org.clueexchange.subscription.FactAdmission;
import org.clueexchange.subscription.FactConsumer;
import org.clueexchange.subscription.FactSubscriber;
import org.clueexchange.subscription.FactSubscription;
import org.clueexchange.subscription.InvalidFactException;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.ExchangeTopics;
import org.clueexchange.wire.Jurisdictions;
import org.clueexchange.wire.origin.OriginVerifier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

/**
 * Consumes the other agency's topic and the core's, and keeps the facts that concern this adapter: transfers
 * addressed to a jurisdiction it serves, the police's registrations of gang cases of a jurisdiction it serves (which
 * its commission follows up), any fact about a clue it already has a fact of (one it sent, or one it
 * received) or whose id says its agency sent it from a jurisdiction it serves, confirmations of the statements of
 * jurisdictions it serves, and the core's answers to the confirmations its own agency made through it.
 * Each fact kept is scheduled for push to the webhooks of the agency systems it concerns.
 *
 * <p>The other agency speaks about a clue whose transfer this adapter holds only as the party that transfer names:
 * its receiver, on a clue this adapter's agency sent; its sender, on one sent to it. Any other of its facts about
 * the clue goes to the dead-letter topic with a security reason and is never delivered, save a supervision, which a
 * level above either side may order. As on the core's ledger, a fact that comes before the transfer is known, about
 * a clue the other agency may have signed for on paper, is kept: nobody is named yet.
 */
public final class ReceivedFactIntake extends FactSubscriber {

    private final AgencyType agency;
    private final List<String> servedJurisdictions;
    private final Outbox outbox;
    private final ReceivedFacts received;
    private final KnownClues clues;
    private final Deliveries deliveries;
    private final Clock clock;
    private final PlatformTransactionManager transactions;

    public ReceivedFactIntake(AdapterProperties properties, AdapterAgency agency, FactAdmission admission,
                              Outbox outbox, ReceivedFacts received, Deliveries deliveries, Clock clock,
                              MeterRegistry meters, PlatformTransactionManager transactions) {
        super(settings(properties, agency), admission, meters);
        this.agency = agency.type();
        this.servedJurisdictions = properties.jurisdictions();
        this.outbox = outbox;
        this.received = received;
        this.clues = new KnownClues(outbox, received);
        this.deliveries = deliveries;
        this.clock = clock;
        this.transactions = transactions;
    }

    private static FactSubscription.Settings settings(AdapterProperties properties, AdapterAgency agency) {
        if (properties.jurisdictions().isEmpty()) {
            throw new IllegalStateException("adapter.jurisdictions is empty: the adapter serves no jurisdiction");
        }
        AdapterProperties.Kafka kafka = properties.kafka();
        String group = kafka.groupId() != null ? kafka.groupId()
                : agency.type().name().toLowerCase() + "-adapter-" + String.join("-", properties.jurisdictions());
        return new FactSubscription.Settings(kafka.bootstrapServers(), kafka.partitions(), kafka.replicationFactor(),
                group, List.of(ExchangeTopics.of(agency.counterpart()), ExchangeTopics.CORE_EVENTS), 1,
                kafka.retryPause());
    }

    /** Keeps a poll's facts in one transaction: a commit per fact would cost more than keeping it. */
    @Override
    public void handle(List<FactConsumer.ConsumedFact> facts) throws InvalidFactException {
        TransactionStatus transaction = transactions.getTransaction(TransactionDefinition.withDefaults());
        try {
            for (FactConsumer.ConsumedFact fact : facts) {
                keep(fact);
            }
        } catch (InvalidFactException | RuntimeException e) {
            transactions.rollback(transaction);
            throw e;
        }
        transactions.commit(transaction);
    }

    /** A fact of this adapter's own agency is out of place on either topic it reads, as on any but its own. */
    private void keep(FactConsumer.ConsumedFact fact) throws InvalidFactException {
        Optional<String> misplaced = ExchangeTopics.misplaced(fact.event(), fact.topic());
        if (misplaced.isPresent()) {
            throw new InvalidFactException(misplaced.get());
        }
        Optional<String> concerned = concernedJurisdiction(fact);
        if (concerned.isPresent()) {
            long sequence = received.store(fact, concerned.get(), clock.instant());
            deliveries.schedule(sequence, ClueEvents.keyOf(fact.event()), concerned.get(), clock.instant());
        }
    }

    private Optional<String> concernedJurisdiction(FactConsumer.ConsumedFact fact) throws InvalidFactException {
        if (fact.event() instanceof StatementConfirmationRecorded answer) {
            return ourConfirmation(answer).map(StatementConfirmed::getJurisdiction);
        }
        if (fact.event() instanceof StatementConfirmed confirmation) {
            return serves(confirmation.getJurisdiction()) ? Optional.of(confirmation.getJurisdiction())
                    : Optional.empty();
        }
        if (fact.event() instanceof ClueTransferred transfer) {
            Agency receiver = transfer.getReceiver();
            if (receiver.getType() == agency && serves(receiver.getJurisdiction())) {
                return Optional.of(receiver.getJurisdiction());
            }
        }
        if (fact.event() instanceof GangCaseRegistered registration && serves(registration.getJurisdiction())) {
            return Optional.of(registration.getJurisdiction());
        }
        String clueId = ClueEvents.envelopeOf(fact.event()).getClueId();
        Optional<String> sentBy = outbox.jurisdictionOf(clueId).or(() -> sentHere(clueId));
        Optional<String> concerned = sentBy.isPresent() ? sentBy : received.jurisdictionOf(clueId);
        if (concerned.isPresent()) {
            Optional<String> misnamed = misnamedParty(fact.event());
            if (misnamed.isPresent()) {
                throw new InvalidFactException(misnamed.get());
            }
        }
        return concerned;
    }

    /**
     * Why the other agency's fact about a clue is no fact of the party the clue's transfer names for it, if it is
     * not. A transfer names the parties; a supervision may be ordered from above either; a gang case has no transfer.
     */
    private Optional<String> misnamedParty(SpecificRecord event) {
        if (event instanceof ClueTransferred || event instanceof SupervisionOrdered || ClueEvents.isCaseFact(event)) {
            return Optional.empty();
        }
        EventEnvelope envelope = ClueEvents.envelopeOf(event);
        String asserter = ClueEvents.nameOf(envelope.getAssertedBy());
        Optional<Agency> receiver = clues.sent(envelope.getClueId())
                .map(entry -> ((ClueTransferred) entry.event()).getReceiver());
        if (receiver.isPresent()) {
            String named = ClueEvents.nameOf(receiver.get());
            return named.equals(asserter) ? Optional.empty() : Optional.of(OriginVerifier.SECURITY
                    + ClueEvents.typeOf(event) + " asserted by " + asserter + ", but the transfer names " + named);
        }
        return clues.received(envelope.getClueId()).map(transfer -> ClueEvents.nameOf(
                        ((ClueTransferred) transfer.event()).getEnvelope().getAssertedBy()))
                .filter(sender -> !sender.equals(asserter))
                .map(sender -> OriginVerifier.SECURITY + ClueEvents.typeOf(event) + " asserted by " + asserter
                        + ", but " + sender + " transferred the clue");
    }

    /**
     * The confirmation the core answers, if this adapter's agency made it here: the core answers every agency's
     * confirmations on one topic, and another's are no business of this adapter's systems.
     */
    private Optional<StatementConfirmed> ourConfirmation(StatementConfirmationRecorded answer) {
        return outbox.ofClue(answer.getStatementId()).stream()
                .filter(entry -> entry.eventId().equals(answer.getConfirmationEventId()))
                .map(OutboxEntry::event).filter(StatementConfirmed.class::isInstance)
                .map(StatementConfirmed.class::cast).findFirst();
    }

    /**
     * The jurisdiction a clue id says this adapter's agency sent the clue from, if it serves it: the other agency may
     * sign for a clue it got on paper before the clue's transfer reaches the exchange, and the sender is to know.
     */
    private Optional<String> sentHere(String clueId) {
        return SentClueId.read(clueId).filter(id -> id.sender() == agency && serves(id.jurisdiction()))
                .map(SentClueId::jurisdiction);
    }

    private boolean serves(String jurisdiction) {
        return servedJurisdictions.stream().anyMatch(scope -> Jurisdictions.liesWithin(jurisdiction, scope));
    }
}
