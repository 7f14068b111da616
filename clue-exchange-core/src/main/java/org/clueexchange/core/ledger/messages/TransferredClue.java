package org.clueexchange.core.ledger.messages;

import java.util.List;
import org.clueexchange.events.AllegationCategory;
import org.clueexchange.events.ClueSource;
import org.clueexchange.events.GangCaseType;
import org.clueexchange.events.OfficialRank;
import org.clueexchange.events.Priority;

/**
 * The content of a transfer as the sender recorded it, and its digest.
 *
 * @param suspects others named who are no public officials; absent from events recorded before they existed
 */
public record TransferredClue(ClueSource source, AllegationCategory allegation, Priority priority,
                              List<Subject> subjects, GangCase linkedGangCase, String summary,
                              List<Document> attachments, List<String> suspects, String contentDigest) {

    public TransferredClue {
        subjects = List.copyOf(subjects);
        attachments = List.copyOf(attachments);
        suspects = suspects == null ? List.of() : List.copyOf(suspects);
    }

    /**
     * A person the clue is about (涉案人员), with rank (职级).
     *
     * @param personKey who they are across both agencies (see {@code PersonKeys}), when the sender knows their ID
     *                  number: it joins an umbrella clue to the official a gang case names; none in events recorded
     *                  before it existed
     */
    public record Subject(String name, String unit, OfficialRank rank, String role, String personKey) {
    }

    /** The gang case (涉黑涉恶案件) the clue came from. */
    public record GangCase(String caseNumber, GangCaseType caseType) {
    }

    /** A transferred document, by SHA-256. */
    public record Document(String name, String sha256) {
    }
}
