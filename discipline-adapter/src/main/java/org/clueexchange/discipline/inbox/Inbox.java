package org.clueexchange.discipline.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
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
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.EventEnvelope;
import org.clueexchange.events.Priority;
import org.clueexchange.wire.ClueContentDigest;
import org.clueexchange.wire.ClueEvents;
import org.springframework.stereotype.Service;

/** The clues transferred to the commissions this adapter serves, and their receipts and acceptances. */
@Service
class Inbox {

    static final String RECORD_FIELD = "recordId";
    private static final String TRANSFERRED = ClueTransferred.getClassSchema().getName();

    private final ReceivedFacts received;
    private final Outbox outbox;
    private final AssertedFacts facts;

    Inbox(ReceivedFacts received, Outbox outbox, AssertedFacts facts) {
        this.received = received;
        this.outbox = outbox;
        this.facts = facts;
    }

    Page<InboxItem> page(List<String> scopes, long after, int limit) {
        List<ReceivedFact> transfers = received.page(TRANSFERRED, scopes, after, limit);
        long next = transfers.isEmpty() ? after : transfers.get(transfers.size() - 1).sequence();
        return new Page<>(transfers.stream().map(this::item).toList(), next);
    }

    Optional<InboxItem> find(String clueId) {
        return transfer(clueId).map(this::item);
    }

    /** Signs for the clue as the commission it was transferred to. */
    InboxItem receive(ReceivedFact transferFact, ReceiptRequest request) {
        ClueTransferred transfer = (ClueTransferred) transferFact.event();
        ClueContent held = ClueContent.newBuilder(transfer.getContent()).build();
        if (request.receivedAttachments() != null) {
            held.setAttachments(request.receivedAttachments().stream()
                    .map(document -> new Attachment(document.name(), document.sha256())).toList());
        }
        ClueReceived receipt = new ClueReceived(envelope(transfer, request.officerId(), request.occurredAt()),
                transfer.getEnvelope().getAssertedBy(), ClueContentDigest.of(held));
        facts.assertFact(requestKey("receipt", transfer, request.recordId()), RECORD_FIELD, request, receipt);
        return item(transferFact);
    }

    /** Takes the clue on as the commission it was transferred to. */
    InboxItem accept(ReceivedFact transferFact, AcceptanceRequest request) {
        ClueTransferred transfer = (ClueTransferred) transferFact.event();
        ClueAccepted acceptance = new ClueAccepted(envelope(transfer, request.officerId(), request.occurredAt()),
                request.caseNumber());
        facts.assertFact(requestKey("acceptance", transfer, request.recordId()), RECORD_FIELD, request, acceptance);
        return item(transferFact);
    }

    Optional<ReceivedFact> transfer(String clueId) {
        return received.ofClue(clueId).stream().filter(fact -> fact.event() instanceof ClueTransferred).findFirst();
    }

    private EventEnvelope envelope(ClueTransferred transfer, String officerId, Instant occurredAt) {
        Agency commission = new Agency(AgencyType.DISCIPLINE, transfer.getReceiver().getJurisdiction());
        return facts.envelope(transfer.getEnvelope().getClueId(), commission, officerId, occurredAt);
    }

    private static String requestKey(String operation, ClueTransferred transfer, String recordId) {
        return operation + ":" + transfer.getReceiver().getJurisdiction() + ":" + recordId;
    }

    private InboxItem item(ReceivedFact fact) {
        ClueTransferred transfer = (ClueTransferred) fact.event();
        ClueContent content = transfer.getContent();
        EventEnvelope envelope = transfer.getEnvelope();
        List<OutboxEntry> mine = outbox.ofClue(fact.clueId());
        return new InboxItem(fact.sequence(), fact.clueId(), agency(envelope.getAssertedBy()),
                agency(transfer.getReceiver()), envelope.getOccurredAt(), fact.receivedAt(), content.getSource(),
                content.getAllegation(), content.getPriority() == Priority.URGENT,
                content.getSubjects().stream().map(subject -> new InboxItem.Person(subject.getName(),
                        subject.getUnit(), subject.getRank(), subject.getRole())).toList(),
                content.getLinkedGangCase() == null ? null : new InboxItem.GangCase(
                        content.getLinkedGangCase().getCaseNumber(), content.getLinkedGangCase().getCaseType()),
                content.getSummary(),
                content.getAttachments().stream().map(attachment -> new InboxItem.Document(attachment.getName(),
                        attachment.getSha256())).toList(),
                transfer.getContentDigest(),
                first(mine, ClueReceived.class, receipt -> null),
                first(mine, ClueAccepted.class, ClueAccepted::getReceiverCaseNumber));
    }

    private static <T> InboxItem.Action first(List<OutboxEntry> mine, Class<T> type, Function<T, String> caseNumber) {
        return mine.stream().filter(entry -> type.isInstance(entry.event())).findFirst()
                .map(entry -> {
                    EventEnvelope envelope = ClueEvents.envelopeOf(entry.event());
                    return new InboxItem.Action(entry.eventId(), envelope.getOccurredAt(), envelope.getActor(),
                            caseNumber.apply(type.cast(entry.event())),
                            entry.publishedAt() == null ? "QUEUED" : "PUBLISHED");
                }).orElse(null);
    }

    private static String agency(Agency agency) {
        return agency.getType() + "@" + agency.getJurisdiction();
    }
}
