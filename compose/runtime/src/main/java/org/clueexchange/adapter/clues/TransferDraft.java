package org.clueexchange.adapter.clues;

import java.time.Instant;
import java.util.List;
import org.clueexchange.events.AllegationCategory;
import org.clueexchange.events.Attachment;
import org.clueexchange.events.ClueContent;
import org.clueexchange.events.ClueSource;
import org.clueexchange.events.GangCaseReference;
import org.clueexchange.events.Priority;
import org.clueexchange.events.Subject;

/**
 * A transfer as each adapter translates it from its agency's terms: who transfers what to which jurisdiction of
 * the other agency.
 */
public record TransferDraft(String recordId, String jurisdiction, String officerId, Instant occurredAt,
                            String receiverJurisdiction, ClueContent content) {

    /** The content of a transfer, from the parts both agencies name. */
    public static ClueContent content(ClueSource source,
                                      AllegationCategory allegation, boolean urgent,
                                      List<Subject> subjects, List<String> suspects, GangCaseReference gangCase,
                                      String summary, List<Attachment> attachments) {
        return ClueContent.newBuilder()
                .setSource(source)
                .setAllegation(allegation)
                .setPriority(urgent ? Priority.URGENT : Priority.NORMAL)
                .setSubjects(subjects)
                .setSuspects(suspects)
                .setLinkedGangCase(gangCase)
                .setSummary(summary)
                .setAttachments(attachments)
                .build();
    }
}
