package org.clueexchange.core.audit;

import static org.clueexchange.core.reconciliation.statement.StatementCells.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.clueexchange.core.CoreProperties;
import org.clueexchange.core.audit.ClueAudit.AuditedRecord;
import org.clueexchange.core.audit.ClueAudit.DerivedEvent;
import org.clueexchange.core.audit.ClueAudit.SignatureStatus;
import org.clueexchange.core.audit.ClueAudit.StatementBreak;
import org.clueexchange.core.ledger.FactKind;
import org.clueexchange.core.ledger.LedgerState;
import org.clueexchange.core.ledger.SlaClock;
import org.clueexchange.core.ledger.messages.AgencyId;
import org.clueexchange.core.ledger.messages.FactRecorded;
import org.clueexchange.core.ledger.messages.FindLedgerEntry;
import org.clueexchange.core.ledger.messages.LedgerAnomalyRecorded;
import org.clueexchange.core.ledger.messages.SlaBreached;
import org.clueexchange.core.ledger.messages.SlaClockStarted;
import org.clueexchange.core.ledger.messages.SlaClockStopped;
import org.clueexchange.core.ledger.query.LedgerEntryView;
import org.clueexchange.core.reconciliation.query.StatementProjection;
import org.clueexchange.core.reconciliation.query.StatementView;
import org.clueexchange.events.EventEnvelope;
import org.clueexchange.subscription.FactAdmission;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.origin.OriginSignature;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Draws up the audit of one clue from the three places that know of it: the agencies' topics (what was published,
 * judged by the same admission and origin check as the intake), the event store (what the clue's ledger entry
 * recorded of each fact) and the statements (which list a break on it). The ledger's tables are not read for the
 * facts, so that what the audit shows follows from the record, not from a projection of it.
 */
@Service
public class ClueAudits {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final QueryGateway queries;
    private final EventStore eventStore;
    private final StatementProjection statements;
    private final ObjectProvider<FactAdmission> admission;
    private final CoreProperties properties;
    private final Clock clock;

    ClueAudits(QueryGateway queries, EventStore eventStore, StatementProjection statements,
               ObjectProvider<FactAdmission> admission, CoreProperties properties, Clock clock) {
        this.queries = queries;
        this.eventStore = eventStore;
        this.statements = statements;
        this.admission = admission;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The clue's audit, if it lies within {@code reach}: asked of the jurisdictions of the clue's sender and
     * receiver, or of none (null) for a clue not on the ledger, which only a reach without bounds covers.
     */
    public Optional<ClueAudit> audit(String clueId, Predicate<String> reach) {
        Optional<LedgerEntryView> entry = queries.query(new FindLedgerEntry(clueId),
                ResponseTypes.optionalInstanceOf(LedgerEntryView.class)).join();
        boolean within = entry.map(found -> Stream.of(found.sender(), found.receiver())
                        .anyMatch(agency -> agency != null && reach.test(agency.jurisdiction())))
                .orElseGet(() -> reach.test(null));
        if (!within) {
            return Optional.empty();
        }
        Derivation derivation = new Derivation();
        eventStore.readEvents(clueId).asStream().forEach(derivation::add);
        ClueRecords.Read read = ClueRecords.read(properties.kafka().bootstrapServers(), clueId, PATIENCE);
        List<AuditedRecord> records = read.records().stream()
                .map(record -> audited(record, read.letters().get(ClueRecords.position(record)), derivation))
                .toList();
        List<StatementBreak> breaks = new ArrayList<>();
        List<String> codes = entry.map(found -> Stream.of(found.sender(), found.receiver())
                .filter(agency -> agency != null).map(AgencyId::jurisdiction).toList()).orElse(List.of());
        for (String statementId : statements.covering(codes)) {
            statements.find(statementId).ifPresent(statement -> breaks.addAll(breaks(statement, clueId)));
        }
        return Optional.of(new ClueAudit(clueId, clock.instant(), entry.map(LedgerEntryView::sender).orElse(null),
                entry.map(LedgerEntryView::receiver).orElse(null), entry.map(LedgerEntryView::state).orElse(null),
                entry.map(LedgerEntryView::stateLabel).orElse(null), records, breaks));
    }

    private AuditedRecord audited(ConsumerRecord<String, byte[]> record, ClueRecords.Letter letter,
                                  Derivation derivation) {
        byte[] value = record.value();
        Header origin = record.headers().lastHeader(OriginSignature.HEADER);
        byte[] header = origin == null ? null : origin.value();
        OriginSignature.Parsed signature = OriginSignature.parse(header);
        FactAdmission.Admitted admitted = admission.getObject().admit(record);
        SpecificRecord event = admitted.event();
        EventEnvelope envelope = event == null || ClueEvents.publishedByCore(event) ? null
                : ClueEvents.envelopeOf(event);
        SignatureStatus status = SignatureStatus.NOT_CHECKED;
        String signatureRefusal = signature.refusal();
        if (admitted.origin() != null) {
            status = admitted.origin().verified() ? SignatureStatus.VERIFIED : SignatureStatus.REFUSED;
            signatureRefusal = admitted.origin().refusal().orElse(null);
        }
        String eventId = event == null ? null : ClueEvents.eventIdOf(event);
        // A refused record may carry the event id of a fact that counts: what the ledger derived is that fact's.
        boolean counted = letter == null && eventId != null;
        return new AuditedRecord(record.topic(), record.partition(), record.offset(),
                Instant.ofEpochMilli(record.timestamp()), fingerprint(value),
                event == null ? null : ClueEvents.typeOf(event), eventId,
                envelope == null ? null : AgencyId.of(envelope.getAssertedBy()),
                envelope == null ? null : envelope.getActor(), envelope == null ? null : envelope.getOccurredAt(),
                envelope == null ? null : envelope.getPublishedAt(),
                counted ? derivation.recordedAt.get(eventId) : null,
                signature.value().map(OriginSignature::keyId).orElse(null), status, status.label(), signatureRefusal,
                letter != null ? letter.reason() : admitted.refusal(), letter == null ? null : letter.consumer(),
                counted ? derivation.stateAfter.get(eventId) : null,
                counted ? derivation.derived.getOrDefault(eventId, List.of()) : List.of());
    }

    /** Bytes 2–9 of the single-object encoding ({@code C3 01}, then the fingerprint), in hex. */
    private static String fingerprint(byte[] value) {
        if (value == null || value.length < 10 || value[0] != (byte) 0xC3 || value[1] != 0x01) {
            return null;
        }
        return HexFormat.of().formatHex(value, 2, 10);
    }

    private static List<StatementBreak> breaks(StatementView statement, String clueId) {
        return statement.content().breakCategories().stream().sorted()
                .filter(category -> statement.content().listsBreak(clueId, category))
                .map(category -> new StatementBreak(statement.statementId(), statement.revision(),
                        statement.status().label(), category))
                .toList();
    }

    /** What the ledger entry recorded, fact by fact, in the order the event store holds it. */
    private static final class Derivation {

        private final Set<FactKind> kinds = EnumSet.noneOf(FactKind.class);
        private final Map<SlaClock, String> startedBy = new EnumMap<>(SlaClock.class);
        private final Map<String, Instant> recordedAt = new HashMap<>();
        private final Map<String, LedgerState> stateAfter = new HashMap<>();
        private final Map<String, List<DerivedEvent>> derived = new HashMap<>();

        void add(DomainEventMessage<?> message) {
            Object payload = message.getPayload();
            if (payload instanceof FactRecorded fact) {
                String eventId = fact.assertion().eventId();
                kinds.add(fact.factKind());
                recordedAt.putIfAbsent(eventId, message.getTimestamp());
                stateAfter.put(eventId, LedgerState.of(kinds));
                derive(eventId, message, "记录 recorded: " + fact.factKind().label() + " " + fact.factKind().verb());
            } else if (payload instanceof SlaClockStarted started) {
                startedBy.put(started.clock(), started.startedBy());
                derive(started.startedBy(), message, "时限起算 clock started: " + started.clock().label()
                        + "，到期 due " + time(started.dueAt()));
            } else if (payload instanceof SlaClockStopped stopped) {
                derive(stopped.stoppedBy(), message, "时限停止 clock stopped: " + stopped.clock().label()
                        + (stopped.late() ? "，逾期 late" : "，按时 in time"));
            } else if (payload instanceof SlaBreached breached) {
                derive(startedBy.get(breached.clock()), message, "超时 breached: " + breached.clock().label()
                        + "，到期 due " + time(breached.dueAt()));
            } else if (payload instanceof LedgerAnomalyRecorded anomaly) {
                derive(anomaly.factEventId(), message, "异常 anomaly: " + anomaly.kind().label()
                        + "，相关事实 related fact " + anomaly.relatedEventId());
            }
        }

        private void derive(String factEventId, DomainEventMessage<?> message, String label) {
            derived.computeIfAbsent(factEventId, id -> new ArrayList<>()).add(new DerivedEvent(
                    message.getIdentifier(), message.getSequenceNumber(), message.getTimestamp(),
                    message.getPayloadType().getSimpleName(), label));
        }
    }
}
