package org.clueexchange.discipline.inbox;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.adapter.clues.AssertedFactView;
import org.clueexchange.adapter.clues.ReceivedClues;
import org.clueexchange.adapter.received.ReceivedFact;
import org.clueexchange.api.Page;
import org.clueexchange.events.ClueContent;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.OutcomeCount;
import org.clueexchange.events.Priority;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The commission's inbox: its clue management system pulls newly transferred clues with a cursor, then disposes of
 * and concludes them in discipline terms (the receipt, acceptance, return, progress and feedback share the
 * exchange's terms).
 */
@RestController
@RequestMapping("/api/v1/inbox")
class InboxController {

    private final ReceivedClues clues;

    InboxController(ReceivedClues clues) {
        this.clues = clues;
    }

    /** Clues transferred to the client's jurisdictions after the cursor {@code after}, oldest first. */
    @GetMapping
    Page<InboxItem> list(@RequestParam(defaultValue = "0") @Min(0) long after,
                         @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit, HttpServletRequest http) {
        Page<ReceivedFact> transfers = clues.transfers(AgencyClient.of(http).jurisdictions(), after, limit);
        return new Page<>(transfers.items().stream().map(this::item).toList(), transfers.next());
    }

    @GetMapping("/{clueId}")
    InboxItem one(@PathVariable String clueId, HttpServletRequest http) {
        return item(clues.transfer(clueId, AgencyClient.of(http)));
    }

    @PostMapping("/{clueId}/disposal")
    ResponseEntity<AssertedFactView> dispose(@PathVariable String clueId,
                                             @Valid @RequestBody DisposalRequest request, HttpServletRequest http) {
        return ResponseEntity.accepted().body(clues.decideDisposal(clues.transfer(clueId, AgencyClient.of(http)),
                request.recordId(), request.officerId(), request.occurredAt(), request.method().method(),
                request.explanation(), request));
    }

    @PostMapping("/{clueId}/conclusion")
    ResponseEntity<AssertedFactView> conclude(@PathVariable String clueId,
                                              @Valid @RequestBody ConclusionRequest request, HttpServletRequest http) {
        return ResponseEntity.accepted().body(clues.conclude(clues.transfer(clueId, AgencyClient.of(http)),
                request.recordId(), request.officerId(), request.occurredAt(), request.outcomes().stream()
                        .map(handled -> new OutcomeCount(handled.outcome().outcome(), handled.persons())).toList(),
                request.summary(), request));
    }

    private InboxItem item(ReceivedFact fact) {
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
