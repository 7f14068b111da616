package org.clueexchange.police.inbox;

import java.time.Instant;
import java.util.List;
import org.clueexchange.adapter.clues.FactRecord;
import org.clueexchange.adapter.clues.InboxClue;
import org.clueexchange.adapter.clues.OutsideReceiptView;
import org.clueexchange.events.AllegationCategory;
import org.clueexchange.events.ClueContent;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.OfficialRank;
import org.clueexchange.events.Priority;
import org.clueexchange.wire.ClueEvents;

/**
 * A clue a discipline commission transferred to the police (纪检监察机关移送的涉黑涉恶问题线索), as the case system
 * sees it, with its history on both sides. A clue the police signed for outside the exchange (纸质移送) is
 * awaiting its transfer until the exchange delivers it: until then it has no cursor and nothing of the transfer.
 *
 * @param cursor           the transfer's place in the inbox; pass it as {@code after} to read on
 * @param senderCaseNumber the commission's own case number (审查调查案件编号) as its transfer names it, or until it
 *                         arrives as the police named it when they signed for the clue
 * @param receivedOutside  the police's receipt of the clue outside the exchange, if they signed for it so
 * @param suspects         the people the clue accuses (涉案人员)
 * @param officials        the public officials it involves (关联公职人员)
 */
public record IncomingClue(Long cursor, String clueId, String from, String to, boolean awaitingTransfer,
                           String senderCaseNumber, OutsideReceiptView receivedOutside, Instant transferredAt,
                           Instant arrivedAt, AllegationCategory allegation, Boolean urgent, List<String> suspects,
                           List<Official> officials, String summary, List<Document> attachments,
                           String contentDigest, List<FactRecord> history) {

    /** The clue as the police read it, with its history on both sides. */
    static IncomingClue of(InboxClue clue, List<FactRecord> history) {
        String from = ClueEvents.nameOf(clue.sender());
        String to = ClueEvents.nameOf(clue.receiver());
        String senderCaseNumber = clue.senderCaseNumber().orElse(null);
        OutsideReceiptView outside = clue.receivedOutside() == null ? null
                : OutsideReceiptView.of(clue.receivedOutside());
        if (clue.awaitingTransfer()) {
            return new IncomingClue(null, clue.clueId(), from, to, true, senderCaseNumber, outside, null, null, null,
                    null, null, null, null, null, null, history);
        }
        ClueTransferred transfer = (ClueTransferred) clue.transfer().event();
        ClueContent content = transfer.getContent();
        return new IncomingClue(clue.transfer().sequence(), clue.clueId(), from, to, false, senderCaseNumber, outside,
                transfer.getEnvelope().getOccurredAt(), clue.transfer().receivedAt(), content.getAllegation(),
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
