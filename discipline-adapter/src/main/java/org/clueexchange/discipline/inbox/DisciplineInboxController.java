package org.clueexchange.discipline.inbox;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.clueexchange.adapter.clues.AssertedFactView;
import org.clueexchange.adapter.clues.InboxController;
import org.clueexchange.adapter.clues.ReceivedClues;
import org.clueexchange.adapter.received.ReceivedFact;
import org.clueexchange.events.ClueContent;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.OutcomeCount;
import org.clueexchange.events.Priority;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The commission's inbox: its clue management system pulls newly transferred clues with a cursor, then disposes of
 * and concludes them in discipline terms (the receipt, acceptance, return, progress and feedback share the
 * exchange's terms).
 */
@RestController
@RequestMapping("/api/v1/inbox")
class DisciplineInboxController extends InboxController<InboxItem> {

    DisciplineInboxController(ReceivedClues clues) {
        super(clues);
    }

    @PostMapping("/{clueId}/disposal")
    ResponseEntity<AssertedFactView> dispose(@PathVariable String clueId,
                                             @Valid @RequestBody DisposalRequest request, HttpServletRequest http) {
        return ResponseEntity.accepted().body(clues.decideDisposal(transfer(clueId, http),
                request.recordId(), request.officerId(), request.occurredAt(), request.method().method(),
                request.explanation(), request));
    }

    @PostMapping("/{clueId}/conclusion")
    ResponseEntity<AssertedFactView> conclude(@PathVariable String clueId,
                                              @Valid @RequestBody ConclusionRequest request, HttpServletRequest http) {
        return ResponseEntity.accepted().body(clues.conclude(transfer(clueId, http),
                request.recordId(), request.officerId(), request.occurredAt(), request.outcomes().stream()
                        .map(handled -> new OutcomeCount(handled.outcome().outcome(), handled.persons())).toList(),
                request.summary(), request));
    }

    @Override
    protected InboxItem view(ReceivedFact fact) {
        ClueTransferred transfer = (ClueTransferred) fact.event();
        ClueContent content = transfer.getContent();
        return new InboxItem(fact.sequence(), fact.clueId(),
                transfer.getEnvelope().getAssertedBy().getType() + "@"
                        + transfer.getEnvelope().getAssertedBy().getJurisdiction(),
                transfer.getReceiver().getType() + "@" + transfer.getReceiver().getJurisdiction(),
                transfer.getEnvelope().getOccurredAt(), fact.receivedAt(), content.getSource(),
                content.getAllegation(), content.getPriority() == Priority.URGENT,
                content.getSubjects().stream().map(subject -> new InboxItem.Person(subject.getName(),
                        subject.getUnit(), subject.getRank(), subject.getRole())).toList(),
                content.getSuspects(),
                content.getLinkedGangCase() == null ? null : new InboxItem.GangCase(
                        content.getLinkedGangCase().getCaseNumber(), content.getLinkedGangCase().getCaseType()),
                content.getSummary(),
                content.getAttachments().stream().map(attachment -> new InboxItem.Document(attachment.getName(),
                        attachment.getSha256())).toList(),
                transfer.getContentDigest(), clues.history(fact.clueId()));
    }
}
