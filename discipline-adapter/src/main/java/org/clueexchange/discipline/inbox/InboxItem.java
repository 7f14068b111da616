package org.clueexchange.discipline.inbox;

import java.time.Instant;
import java.util.List;
import org.clueexchange.events.AllegationCategory;
import org.clueexchange.events.ClueSource;
import org.clueexchange.events.GangCaseType;
import org.clueexchange.events.OfficialRank;

/**
 * A clue transferred to the commission, as its clue management system sees it, with what the commission has
 * already done about it through this adapter.
 *
 * @param cursor        the item's place in the inbox; pass it as {@code after} to read on
 * @param from          the transferring agency, e.g. {@code POLICE@530600}
 * @param persons       the people the clue reflects on (被反映人)
 * @param contentDigest the digest of the clue's content as transferred
 */
public record InboxItem(long cursor, String clueId, String from, String to, Instant transferredAt,
                        Instant arrivedAt, ClueSource source, AllegationCategory allegation, boolean urgent,
                        List<Person> persons, GangCase gangCase, String summary, List<Document> attachments,
                        String contentDigest, Action receipt, Action acceptance) {

    public record Person(String name, String unit, OfficialRank rank, String role) {
    }

    public record GangCase(String caseNumber, GangCaseType caseType) {
    }

    public record Document(String name, String sha256) {
    }

    /** What the commission asserted through this adapter, and whether it is published yet. */
    public record Action(String eventId, Instant occurredAt, String actor, String caseNumber, String publication) {
    }
}
