package org.clueexchange.police.transfer;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.adapter.AssertedFacts;
import org.clueexchange.adapter.outbox.Outbox;
import org.clueexchange.adapter.outbox.OutboxEntry;
import org.clueexchange.adapter.received.ReceivedFact;
import org.clueexchange.adapter.received.ReceivedFacts;
import org.clueexchange.api.Page;
import org.clueexchange.events.Agency;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.Attachment;
import org.clueexchange.events.ClueAccepted;
import org.clueexchange.events.ClueContent;
import org.clueexchange.events.ClueReceived;
import org.clueexchange.events.ClueSource;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.EventEnvelope;
import org.clueexchange.events.GangCaseReference;
import org.clueexchange.events.Priority;
import org.clueexchange.events.Subject;
import org.clueexchange.wire.ClueContentDigest;
import org.clueexchange.wire.ClueEvents;
import org.springframework.stereotype.Service;

/** Translates the case system's transfers into ClueTransferred facts, and the replies back into its view. */
@Service
class ClueTransfers {

    static final String RECORD_FIELD = "recordId";
    private static final String TRANSFERRED = ClueTransferred.getClassSchema().getName();

    private final AssertedFacts facts;
    private final Outbox outbox;
    private final ReceivedFacts received;

    ClueTransfers(AssertedFacts facts, Outbox outbox, ReceivedFacts received) {
        this.facts = facts;
        this.outbox = outbox;
        this.received = received;
    }

    /** The police clue id: unique across agencies because it names the agency and its jurisdiction. */
    static String clueId(String jurisdiction, String recordId) {
        return "POLICE-" + jurisdiction + "-" + recordId;
    }

    ClueTransferView transfer(ClueTransferRequest request) {
        String clueId = clueId(request.jurisdiction(), request.recordId());
        EventEnvelope envelope = facts.envelope(clueId, new Agency(AgencyType.POLICE, request.jurisdiction()),
                request.officerId(), request.occurredAt());
        ClueContent content = ClueContent.newBuilder()
                .setSource(request.source() == null ? ClueSource.OWN_DISCOVERY : request.source())
                .setAllegation(request.allegation())
                .setPriority(request.urgent() ? Priority.URGENT : Priority.NORMAL)
                .setSubjects(request.officials().stream().map(official -> new Subject(official.name(),
                        official.unit(), official.rank(), official.role())).toList())
                .setLinkedGangCase(new GangCaseReference(request.caseNumber(), request.caseType()))
                .setSummary(request.summary())
                .setAttachments(request.attachments() == null ? List.of() : request.attachments().stream()
                        .map(attachment -> new Attachment(attachment.name(), attachment.sha256())).toList())
                .build();
        ClueTransferred transfer = new ClueTransferred(envelope,
                new Agency(AgencyType.DISCIPLINE, request.receiverJurisdiction()), content,
                ClueContentDigest.of(content));
        OutboxEntry entry = facts.assertFact("transfer:" + clueId, RECORD_FIELD, request, transfer);
        return view(entry);
    }

    Optional<ClueTransferView> find(String clueId) {
        return outbox.ofClue(clueId).stream().filter(entry -> entry.event() instanceof ClueTransferred)
                .findFirst().map(this::view);
    }

    /** Transfers after the cursor that {@code visible} lets the caller see; the cursor moves past all read. */
    Page<ClueTransferView> page(long after, int limit, Predicate<ClueTransferView> visible) {
        List<OutboxEntry> entries = outbox.page(TRANSFERRED, after, limit);
        long next = entries.isEmpty() ? after : entries.get(entries.size() - 1).sequence();
        return new Page<>(entries.stream().map(this::view).filter(visible).toList(), next);
    }

    private ClueTransferView view(OutboxEntry entry) {
        ClueTransferred transfer = (ClueTransferred) entry.event();
        EventEnvelope envelope = transfer.getEnvelope();
        String recordId = envelope.getClueId().substring(
                clueId(envelope.getAssertedBy().getJurisdiction(), "").length());
        List<ClueTransferView.Reply> replies = received.ofClue(entry.clueId()).stream()
                .map(fact -> reply(fact, transfer)).toList();
        return new ClueTransferView(entry.sequence(), entry.clueId(), recordId, envelope.getAssertedBy().getJurisdiction(),
                transfer.getReceiver().getJurisdiction(), entry.eventId(), envelope.getOccurredAt(),
                entry.acceptedAt(), entry.publishedAt(), entry.publishedAt() == null ? "QUEUED" : "PUBLISHED",
                replies);
    }

    private static ClueTransferView.Reply reply(ReceivedFact fact, ClueTransferred transfer) {
        SpecificRecord event = fact.event();
        EventEnvelope envelope = ClueEvents.envelopeOf(event);
        String assertedBy = envelope.getAssertedBy().getType() + "@" + envelope.getAssertedBy().getJurisdiction();
        if (event instanceof ClueReceived receipt) {
            return new ClueTransferView.Reply("RECEIVED", "已签收", fact.eventId(), assertedBy, envelope.getActor(),
                    envelope.getOccurredAt(), null, receipt.getContentDigest().equals(transfer.getContentDigest()));
        }
        if (event instanceof ClueAccepted acceptance) {
            return new ClueTransferView.Reply("ACCEPTED", "已受理", fact.eventId(), assertedBy, envelope.getActor(),
                    envelope.getOccurredAt(), acceptance.getReceiverCaseNumber(), null);
        }
        return new ClueTransferView.Reply(ClueEvents.typeOf(event), ClueEvents.typeOf(event), fact.eventId(),
                assertedBy, envelope.getActor(), envelope.getOccurredAt(), null, null);
    }
}
