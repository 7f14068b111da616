package org.clueexchange.police.inbox;

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
 * Clues discipline commissions transferred to the police: pulled with a cursor, then decided on and concluded in
 * criminal-case terms (the receipt, acceptance, return, progress and feedback share the exchange's terms).
 */
@RestController
@RequestMapping("/api/v1/inbox")
class PoliceInboxController {

    private final ReceivedClues clues;

    PoliceInboxController(ReceivedClues clues) {
        this.clues = clues;
    }

    @GetMapping
    Page<IncomingClue> list(@RequestParam(defaultValue = "0") @Min(0) long after,
                            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit, HttpServletRequest http) {
        Page<ReceivedFact> transfers = clues.transfers(AgencyClient.of(http).jurisdictions(), after, limit);
        return new Page<>(transfers.items().stream().map(this::incoming).toList(), transfers.next());
    }

    @GetMapping("/{clueId}")
    IncomingClue one(@PathVariable String clueId, HttpServletRequest http) {
        return incoming(clues.transfer(clueId, AgencyClient.of(http)));
    }

    @PostMapping("/{clueId}/decision")
    ResponseEntity<AssertedFactView> decide(@PathVariable String clueId, @Valid @RequestBody DecisionRequest request,
                                            HttpServletRequest http) {
        return ResponseEntity.accepted().body(clues.decideDisposal(clues.transfer(clueId, AgencyClient.of(http)),
                request.recordId(), request.officerId(), request.occurredAt(), request.decision().method(),
                request.explanation(), request));
    }

    @PostMapping("/{clueId}/conclusion")
    ResponseEntity<AssertedFactView> conclude(@PathVariable String clueId,
                                              @Valid @RequestBody ConclusionRequest request, HttpServletRequest http) {
        return ResponseEntity.accepted().body(clues.conclude(clues.transfer(clueId, AgencyClient.of(http)),
                request.recordId(), request.officerId(), request.occurredAt(), request.results().stream()
                        .map(result -> new OutcomeCount(result.result().outcome(), result.persons())).toList(),
                request.summary(), request));
    }

    private IncomingClue incoming(ReceivedFact fact) {
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
