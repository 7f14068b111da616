package org.clueexchange.discipline.inbox;

import java.time.Instant;
import java.util.List;
import org.clueexchange.adapter.clues.FactRecord;
import org.clueexchange.adapter.clues.InboxClue;
import org.clueexchange.adapter.clues.OutsideReceiptView;
import org.clueexchange.events.AllegationCategory;
import org.clueexchange.events.ClueContent;
import org.clueexchange.events.ClueSource;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.GangCaseType;
import org.clueexchange.events.OfficialRank;
import org.clueexchange.events.Priority;
import org.clueexchange.wire.ClueEvents;

/**
 * A clue transferred to the commission, as its clue management system sees it, with its history on both sides. A
 * clue the commission signed for outside the exchange (纸质移送) is awaiting its transfer until the exchange delivers
 * it: until then it has no cursor and nothing of the transfer.
 *
 * @param cursor           the transfer's place in the inbox; pass it as {@code after} to read on
 * @param from             the transferring agency, e.g. {@code POLICE@530600}
 * @param senderCaseNumber the police's case number (案件编号) as the transfer names it, or until it arrives as the
 *                         commission named it when it signed for the clue
 * @param receivedOutside  the commission's receipt of the clue outside the exchange, if it signed for it so
 * @param persons          the officials the clue reflects on (被反映人)
 * @param suspects         others the clue names, e.g. the gang's members
 * @param contentDigest    the digest of the clue's content as transferred
 */
public record InboxItem(Long cursor, String clueId, String from, String to, boolean awaitingTransfer,
                        String senderCaseNumber, OutsideReceiptView receivedOutside, Instant transferredAt,
                        Instant arrivedAt, ClueSource source, AllegationCategory allegation, Boolean urgent,
                        List<Person> persons, List<String> suspects, GangCase gangCase, String summary,
                        List<Document> attachments, String contentDigest, List<FactRecord> history) {

    /** The clue as the commission reads it, with its history on both sides. */
    static InboxItem of(InboxClue clue, List<FactRecord> history) {
        String from = ClueEvents.nameOf(clue.sender());
        String to = ClueEvents.nameOf(clue.receiver());
        String senderCaseNumber = clue.senderCaseNumber().orElse(null);
        OutsideReceiptView outside = clue.receivedOutside() == null ? null
                : OutsideReceiptView.of(clue.receivedOutside());
        if (clue.awaitingTransfer()) {
            return new InboxItem(null, clue.clueId(), from, to, true, senderCaseNumber, outside, null, null, null,
                    null, null, null, null, null, null, null, null, history);
        }
        ClueTransferred transfer = (ClueTransferred) clue.transfer().event();
        ClueContent content = transfer.getContent();
        return new InboxItem(clue.transfer().sequence(), clue.clueId(), from, to, false, senderCaseNumber, outside,
                transfer.getEnvelope().getOccurredAt(), clue.transfer().receivedAt(), content.getSource(),
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
