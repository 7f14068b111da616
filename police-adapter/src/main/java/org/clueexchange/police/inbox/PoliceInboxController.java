package org.clueexchange.police.inbox;

import static org.clueexchange.api.ProblemType.CONFLICTS_WITH_RECORD;
import static org.clueexchange.api.ProblemType.NOT_ENTITLED;
import static org.clueexchange.api.ProblemType.NOT_FOUND;
import static org.clueexchange.api.ProblemType.NOT_YET_POSSIBLE;
import static org.clueexchange.api.ProblemType.RECORD_ID_REUSED;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.adapter.clues.AssertedFactView;
import org.clueexchange.adapter.clues.InboxClue;
import org.clueexchange.adapter.clues.ReceivedClues;
import org.clueexchange.adapter.clues.Requests;
import org.clueexchange.adapter.received.ReceivedFact;
import org.clueexchange.api.Answers;
import org.clueexchange.api.Page;
import org.clueexchange.api.ShortText;
import org.clueexchange.wire.ContractLimits;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Clues discipline commissions transferred to the police: pulled with a cursor or found by the commission's case
 * number, signed for (签收) as the exchange delivered them or as they came outside it (纸质移送), accepted (受理) or
 * returned (退回), decided on (处置: 立案侦查, 初查, 并案侦查, 不予立案), reported on (进展), concluded (办结:
 * 移送审查起诉 …) and fed back (反馈).
 */
@RestController
@RequestMapping("/api/v1/inbox")
class PoliceInboxController {

    private final ReceivedClues inbox;

    PoliceInboxController(ReceivedClues inbox) {
        this.inbox = inbox;
    }

    /**
     * Clues transferred to the client's jurisdictions after the cursor {@code after}, oldest first; with
     * {@code senderCaseNumber}, every clue in the inbox whose transfer or receipt outside the exchange names that
     * case number of the sender's, e.g. 昭公（刑）立字〔2020〕123号, the cursor staying where it was.
     */
    @GetMapping
    @Operation(operationId = "listInbox")
    Page<IncomingClue> list(@RequestParam(defaultValue = "0") @Min(0) long after,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            @RequestParam(required = false) @ShortText(max = ContractLimits.CASE_NUMBER) String senderCaseNumber,
            AgencyClient client) {
        return inbox.inbox(client, after, limit, senderCaseNumber).map(this::view);
    }

    @GetMapping("/{clueId}")
    @Operation(operationId = "getInboxClue")
    @Answers(refuses = {NOT_ENTITLED, NOT_FOUND})
    IncomingClue one(@PathVariable String clueId, AgencyClient client) {
        return view(inbox.held(clueId, client));
    }

    /**
     * 签收 of a clue the police received outside the exchange (纸质移送 or any other channel), under the clue id the
     * sender's transfer letter gives: it then stands in the inbox, awaiting its transfer.
     */
    @PostMapping("/received-outside")
    @Answers(status = HttpStatus.ACCEPTED, refuses = {NOT_ENTITLED, RECORD_ID_REUSED, CONFLICTS_WITH_RECORD})
    ResponseEntity<AssertedFactView> receivedOutside(@Valid @RequestBody Requests.OutsideReceipt request,
                                                     AgencyClient client) {
        return ResponseEntity.accepted().body(inbox.receiveOutside(request, client));
    }

    @PostMapping("/{clueId}/receipt")
    @Answers(status = HttpStatus.ACCEPTED, refuses = {NOT_ENTITLED, NOT_FOUND, RECORD_ID_REUSED, CONFLICTS_WITH_RECORD})
    ResponseEntity<AssertedFactView> receive(@PathVariable String clueId,
                                             @Valid @RequestBody Requests.Receipt request, AgencyClient client) {
        return ResponseEntity.accepted().body(inbox.receive(clueId, request, client));
    }

    @PostMapping("/{clueId}/acceptance")
    @Answers(status = HttpStatus.ACCEPTED, refuses = {NOT_ENTITLED, NOT_FOUND, RECORD_ID_REUSED})
    ResponseEntity<AssertedFactView> accept(@PathVariable String clueId,
                                            @Valid @RequestBody Requests.Acceptance request, AgencyClient client) {
        return ResponseEntity.accepted().body(inbox.accept(clueId, request, client));
    }

    @PostMapping("/{clueId}/return")
    @Answers(status = HttpStatus.ACCEPTED, refuses = {NOT_ENTITLED, NOT_FOUND, RECORD_ID_REUSED})
    ResponseEntity<AssertedFactView> returnClue(@PathVariable String clueId,
                                                @Valid @RequestBody Requests.Return request, AgencyClient client) {
        return ResponseEntity.accepted().body(inbox.returnClue(clueId, request, client));
    }

    /** 处置 in criminal-case terms: open a case, inquire, merge it into another, or open none. */
    @PostMapping("/{clueId}/decision")
    @Answers(status = HttpStatus.ACCEPTED, refuses = {NOT_ENTITLED, NOT_FOUND, RECORD_ID_REUSED})
    ResponseEntity<AssertedFactView> decide(@PathVariable String clueId, @Valid @RequestBody DecisionRequest request,
                                            AgencyClient client) {
        return ResponseEntity.accepted().body(inbox.decideDisposal(clueId, request, client));
    }

    @PostMapping("/{clueId}/progress")
    @Answers(status = HttpStatus.ACCEPTED, refuses = {NOT_ENTITLED, NOT_FOUND, RECORD_ID_REUSED})
    ResponseEntity<AssertedFactView> progress(@PathVariable String clueId,
                                              @Valid @RequestBody Requests.Progress request, AgencyClient client) {
        return ResponseEntity.accepted().body(inbox.reportProgress(clueId, request, client));
    }

    /** 办结 in criminal-case terms: how many people each result concerned. */
    @PostMapping("/{clueId}/conclusion")
    @Answers(status = HttpStatus.ACCEPTED, refuses = {NOT_ENTITLED, NOT_FOUND, RECORD_ID_REUSED})
    ResponseEntity<AssertedFactView> conclude(@PathVariable String clueId,
                                              @Valid @RequestBody ConclusionRequest request, AgencyClient client) {
        return ResponseEntity.accepted().body(inbox.conclude(clueId, request, client));
    }

    @PostMapping("/{clueId}/feedback")
    @Answers(status = HttpStatus.ACCEPTED, refuses = {NOT_ENTITLED, NOT_FOUND, RECORD_ID_REUSED, NOT_YET_POSSIBLE})
    ResponseEntity<AssertedFactView> feedback(@PathVariable String clueId,
                                              @Valid @RequestBody Requests.Feedback request, AgencyClient client) {
        return ResponseEntity.accepted().body(inbox.sendFeedback(clueId, request, client));
    }

    private IncomingClue view(InboxClue clue) {
        return IncomingClue.of(clue, inbox.history(clue.clueId()));
    }
}
