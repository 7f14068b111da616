package org.clueexchange.police.inbox;

import java.time.Instant;
import java.util.List;
import org.clueexchange.adapter.clues.FactRecord;
import org.clueexchange.events.AllegationCategory;
import org.clueexchange.events.OfficialRank;

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

    public record Official(String name, String unit, OfficialRank rank, String role) {
    }

    public record Document(String name, String sha256) {
    }
}
