package org.clueexchange.adapter.clues;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.clueexchange.adapter.access.AgencyClient;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the agency does with a clue transferred to it, in the terms both agencies share (each adapter adds the
 * disposal and the conclusion in its agency's terms). Every fact is asserted as the agency the transfer named.
 */
@RestController
@RequestMapping("/api/v1/inbox/{clueId}")
public class InboxActionsController {

    private final ReceivedClues clues;

    public InboxActionsController(ReceivedClues clues) {
        this.clues = clues;
    }

    @PostMapping("/receipt")
    ResponseEntity<AssertedFactView> receive(@PathVariable String clueId, @Valid @RequestBody Requests.Receipt request,
                                             HttpServletRequest http) {
        return ResponseEntity.accepted().body(clues.receive(clues.transfer(clueId, AgencyClient.of(http)), request));
    }

    @PostMapping("/acceptance")
    ResponseEntity<AssertedFactView> accept(@PathVariable String clueId,
                                            @Valid @RequestBody Requests.Acceptance request, HttpServletRequest http) {
        return ResponseEntity.accepted().body(clues.accept(clues.transfer(clueId, AgencyClient.of(http)), request));
    }

    @PostMapping("/return")
    ResponseEntity<AssertedFactView> returnClue(@PathVariable String clueId,
                                                @Valid @RequestBody Requests.Return request, HttpServletRequest http) {
        return ResponseEntity.accepted().body(clues.returnClue(clues.transfer(clueId, AgencyClient.of(http)),
                request));
    }

    @PostMapping("/progress")
    ResponseEntity<AssertedFactView> progress(@PathVariable String clueId,
                                              @Valid @RequestBody Requests.Progress request, HttpServletRequest http) {
        return ResponseEntity.accepted().body(clues.reportProgress(clues.transfer(clueId, AgencyClient.of(http)),
                request));
    }

    @PostMapping("/feedback")
    ResponseEntity<AssertedFactView> feedback(@PathVariable String clueId,
                                              @Valid @RequestBody Requests.Feedback request, HttpServletRequest http) {
        return ResponseEntity.accepted().body(clues.sendFeedback(clues.transfer(clueId, AgencyClient.of(http)),
                request));
    }
}
