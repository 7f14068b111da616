package org.clueexchange.discipline.inbox;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.adapter.clues.AssertedFactView;
import org.clueexchange.adapter.clues.ReceivedClues;
import org.clueexchange.adapter.clues.Requests;
import org.clueexchange.adapter.received.ReceivedFact;
import org.clueexchange.api.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The commission's inbox: its clue management system pulls newly transferred clues with a cursor, signs for them
 * (签收), accepts (受理) or returns (退回) them, disposes of them (处置: 谈话函询, 初步核实, 暂存待查, 予以了结,
 * 立案审查调查), reports progress (进展), concludes them (办结: 党纪处分, 留置 …) and feeds the results back (反馈).
 */
@RestController
@RequestMapping("/api/v1/inbox")
class DisciplineInboxController {

    private final ReceivedClues inbox;

    DisciplineInboxController(ReceivedClues inbox) {
        this.inbox = inbox;
    }

    /** Clues transferred to the client's jurisdictions after the cursor {@code after}, oldest first. */
    @GetMapping
    @Operation(operationId = "listInbox")
    Page<InboxItem> list(@RequestParam(defaultValue = "0") @Min(0) long after,
                         @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit, AgencyClient client) {
        return inbox.transfers(client, after, limit).map(this::view);
    }

    @GetMapping("/{clueId}")
    @Operation(operationId = "getInboxClue")
    InboxItem one(@PathVariable String clueId, AgencyClient client) {
        return view(inbox.transfer(clueId, client));
    }

    @PostMapping("/{clueId}/receipt")
    ResponseEntity<AssertedFactView> receive(@PathVariable String clueId,
                                             @Valid @RequestBody Requests.Receipt request, AgencyClient client) {
        return ResponseEntity.accepted().body(inbox.receive(clueId, request, client));
    }

    @PostMapping("/{clueId}/acceptance")
    ResponseEntity<AssertedFactView> accept(@PathVariable String clueId,
                                            @Valid @RequestBody Requests.Acceptance request, AgencyClient client) {
        return ResponseEntity.accepted().body(inbox.accept(clueId, request, client));
    }

    @PostMapping("/{clueId}/return")
    ResponseEntity<AssertedFactView> returnClue(@PathVariable String clueId,
                                                @Valid @RequestBody Requests.Return request, AgencyClient client) {
        return ResponseEntity.accepted().body(inbox.returnClue(clueId, request, client));
    }

    /** 处置 (分流) by one of the four disposal methods, or put on file after verification. */
    @PostMapping("/{clueId}/disposal")
    ResponseEntity<AssertedFactView> dispose(@PathVariable String clueId,
                                             @Valid @RequestBody DisposalRequest request, AgencyClient client) {
        return ResponseEntity.accepted().body(inbox.decideDisposal(clueId, request, client));
    }

    @PostMapping("/{clueId}/progress")
    ResponseEntity<AssertedFactView> progress(@PathVariable String clueId,
                                              @Valid @RequestBody Requests.Progress request, AgencyClient client) {
        return ResponseEntity.accepted().body(inbox.reportProgress(clueId, request, client));
    }

    /** 办结, 查结: how many people each disciplinary outcome concerned. */
    @PostMapping("/{clueId}/conclusion")
    ResponseEntity<AssertedFactView> conclude(@PathVariable String clueId,
                                              @Valid @RequestBody ConclusionRequest request, AgencyClient client) {
        return ResponseEntity.accepted().body(inbox.conclude(clueId, request, client));
    }

    @PostMapping("/{clueId}/feedback")
    ResponseEntity<AssertedFactView> feedback(@PathVariable String clueId,
                                              @Valid @RequestBody Requests.Feedback request, AgencyClient client) {
        return ResponseEntity.accepted().body(inbox.sendFeedback(clueId, request, client));
    }

    private InboxItem view(ReceivedFact transfer) {
        return InboxItem.of(transfer, inbox.history(transfer.clueId()));
    }
}
