package org.clueexchange.police.inbox;

import java.time.Instant;
import java.util.List;
import org.clueexchange.adapter.clues.FactRecord;
import org.clueexchange.adapter.received.ReceivedFact;
import org.clueexchange.events.AllegationCategory;
import org.clueexchange.events.ClueContent;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.OfficialRank;
import org.clueexchange.events.Priority;
import org.clueexchange.wire.ClueEvents;

/**
 * A clue a discipline commission transferred to the police (纪检监察机关移送的涉黑涉恶问题线索), as the case system
 * sees it, with its history on both sides.
 *
 * @param cursor    the clue's place in the inbox; pass it as {@code after} to read on
 * @param suspects  the people the clue accuses (涉案人员)
 * @param officials the public officials it involves (关联公职人员)
 */
public record IncomingClue(long cursor, String clueId, String from, String to, Instant transferredAt,
                           Instant arrivedAt, AllegationCategory allegation, boolean urgent, List<String> suspects,
                           List<Official> officials, String summary, List<Document> attachments,
                           String contentDigest, List<FactRecord> history) {

    /** The transfer as the police read it, with the clue's history on both sides. */
    static IncomingClue of(ReceivedFact fact, List<FactRecord> history) {
        ClueTransferred transfer = (ClueTransferred) fact.event();
        ClueContent content = transfer.getContent();
        return new IncomingClue(fact.sequence(), fact.clueId(),
                ClueEvents.nameOf(transfer.getEnvelope().getAssertedBy()), ClueEvents.nameOf(transfer.getReceiver()),
                transfer.getEnvelope().getOccurredAt(), fact.receivedAt(), content.getAllegation(),
                content.getPriority() == Priority.URGENT, content.getSuspects(),
                content.getSubjects().stream().map(subject -> new Official(subject.getName(), subject.getUnit(),
                        subject.getRank(), subject.getRole())).toList(),
                content.getSummary(), content.getAttachments().stream().map(attachment ->
                        new Document(attachment.getName(), attachment.getSha256())).toList(),
                transfer.getContentDigest(), history);
    }

    public record Official(String name, String unit, OfficialRank rank, String role) {
    }

    public record Document(String name, String sha256) {
    }
}
