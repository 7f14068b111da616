package org.clueexchange.police.inbox;

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
 * Clues discipline commissions transferred to the police: pulled with a cursor, then decided on and concluded in
 * criminal-case terms (the receipt, acceptance, return, progress and feedback share the exchange's terms).
 */
@RestController
@RequestMapping("/api/v1/inbox")
class PoliceInboxController extends InboxController<IncomingClue> {

    PoliceInboxController(ReceivedClues clues) {
        super(clues);
    }

    @PostMapping("/{clueId}/decision")
    ResponseEntity<AssertedFactView> decide(@PathVariable String clueId, @Valid @RequestBody DecisionRequest request,
                                            HttpServletRequest http) {
        return ResponseEntity.accepted().body(clues.decideDisposal(transfer(clueId, http),
                request.recordId(), request.officerId(), request.occurredAt(), request.decision().method(),
                request.explanation(), request));
    }

    @PostMapping("/{clueId}/conclusion")
    ResponseEntity<AssertedFactView> conclude(@PathVariable String clueId,
                                              @Valid @RequestBody ConclusionRequest request, HttpServletRequest http) {
        return ResponseEntity.accepted().body(clues.conclude(transfer(clueId, http),
                request.recordId(), request.officerId(), request.occurredAt(), request.results().stream()
                        .map(result -> new OutcomeCount(result.result().outcome(), result.persons())).toList(),
                request.summary(), request));
    }

    @Override
    protected IncomingClue view(ReceivedFact fact) {
        ClueTransferred transfer = (ClueTransferred) fact.event();
        ClueContent content = transfer.getContent();
        return new IncomingClue(fact.sequence(), fact.clueId(),
                transfer.getEnvelope().getAssertedBy().getType() + "@"
                        + transfer.getEnvelope().getAssertedBy().getJurisdiction(),
                transfer.getReceiver().getType() + "@" + transfer.getReceiver().getJurisdiction(),
                transfer.getEnvelope().getOccurredAt(), fact.receivedAt(), content.getAllegation(),
                content.getPriority() == Priority.URGENT, content.getSuspects(),
                content.getSubjects().stream().map(subject -> new IncomingClue.Official(subject.getName(),
                        subject.getUnit(), subject.getRank(), subject.getRole())).toList(),
                content.getSummary(), content.getAttachments().stream().map(attachment ->
                        new IncomingClue.Document(attachment.getName(), attachment.getSha256())).toList(),
                transfer.getContentDigest(), clues.history(fact.clueId()));
    }
}
