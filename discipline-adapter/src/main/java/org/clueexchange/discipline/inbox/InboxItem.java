package org.clueexchange.discipline.inbox;

import java.time.Instant;
import java.util.List;
import org.clueexchange.adapter.clues.FactRecord;
import org.clueexchange.adapter.received.ReceivedFact;
import org.clueexchange.events.AllegationCategory;
import org.clueexchange.events.ClueContent;
import org.clueexchange.events.ClueSource;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.GangCaseType;
import org.clueexchange.events.OfficialRank;
import org.clueexchange.events.Priority;
import org.clueexchange.wire.ClueEvents;

/**
 * A clue transferred to the commission, as its clue management system sees it, with its history on both sides.
 *
 * @param cursor        the item's place in the inbox; pass it as {@code after} to read on
 * @param from          the transferring agency, e.g. {@code POLICE@530600}
 * @param persons       the officials the clue reflects on (被反映人)
 * @param suspects      others the clue names, e.g. the gang's members
 * @param contentDigest the digest of the clue's content as transferred
 */
public record InboxItem(long cursor, String clueId, String from, String to, Instant transferredAt,
                        Instant arrivedAt, ClueSource source, AllegationCategory allegation, boolean urgent,
                        List<Person> persons, List<String> suspects, GangCase gangCase, String summary,
                        List<Document> attachments, String contentDigest, List<FactRecord> history) {

    /** The transfer as the commission reads it, with the clue's history on both sides. */
    static InboxItem of(ReceivedFact fact, List<FactRecord> history) {
        ClueTransferred transfer = (ClueTransferred) fact.event();
        ClueContent content = transfer.getContent();
        return new InboxItem(fact.sequence(), fact.clueId(),
                ClueEvents.nameOf(transfer.getEnvelope().getAssertedBy()), ClueEvents.nameOf(transfer.getReceiver()),
                transfer.getEnvelope().getOccurredAt(), fact.receivedAt(), content.getSource(),
                content.getAllegation(), content.getPriority() == Priority.URGENT,
                content.getSubjects().stream().map(subject -> new Person(subject.getName(), subject.getUnit(),
                        subject.getRank(), subject.getRole())).toList(),
                content.getSuspects(),
                content.getLinkedGangCase() == null ? null : new GangCase(
                        content.getLinkedGangCase().getCaseNumber(), content.getLinkedGangCase().getCaseType()),
                content.getSummary(),
                content.getAttachments().stream().map(attachment -> new Document(attachment.getName(),
                        attachment.getSha256())).toList(),
                transfer.getContentDigest(), history);
    }

    public record Person(String name, String unit, OfficialRank rank, String role) {
    }

    public record GangCase(String caseNumber, GangCaseType caseType) {
    }

    public record Document(String name, String sha256) {
    }
}
