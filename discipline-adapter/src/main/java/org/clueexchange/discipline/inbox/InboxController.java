package org.clueexchange.discipline.inbox;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.adapter.received.ReceivedFact;
import org.clueexchange.api.ApiProblems;
import org.clueexchange.api.InvalidRequestException;
import org.clueexchange.api.Page;
import org.clueexchange.events.ClueTransferred;
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
 * The commission's inbox: the clue management system pulls newly transferred clues with a cursor, then signs for
 * and accepts them.
 */
@RestController
@RequestMapping("/api/v1/inbox")
class InboxController {

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    /** Clues transferred to the client's jurisdictions after the cursor {@code after}, oldest first. */
    @GetMapping
    Page<InboxItem> list(@RequestParam(defaultValue = "0") @Min(0) long after,
                         @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit, HttpServletRequest http) {
        return inbox.page(AgencyClient.of(http).jurisdictions(), after, limit);
    }

    @GetMapping("/{clueId}")
    InboxItem one(@PathVariable String clueId, HttpServletRequest http) {
        authorised(clueId, http);
        return inbox.find(clueId).orElseThrow();
    }

    @PostMapping("/{clueId}/receipt")
    ResponseEntity<InboxItem> receive(@PathVariable String clueId, @Valid @RequestBody ReceiptRequest request,
                                      HttpServletRequest http) {
        return ResponseEntity.accepted().body(inbox.receive(authorised(clueId, http), request));
    }

    @PostMapping("/{clueId}/acceptance")
    ResponseEntity<InboxItem> accept(@PathVariable String clueId, @Valid @RequestBody AcceptanceRequest request,
                                     HttpServletRequest http) {
        return ResponseEntity.accepted().body(inbox.accept(authorised(clueId, http), request));
    }

    /** The clue's transfer, if it is in the inbox and the client may act for the commission it went to. */
    private ReceivedFact authorised(String clueId, HttpServletRequest http) {
        ReceivedFact transfer = inbox.transfer(clueId).orElseThrow(() -> new InvalidRequestException(
                HttpStatus.NOT_FOUND, List.of(new ApiProblems.FieldError("clueId",
                "no clue " + clueId + " was transferred to this adapter's commissions"))));
        String commission = ((ClueTransferred) transfer.event()).getReceiver().getJurisdiction();
        AgencyClient.of(http).requireJurisdiction(commission, "clueId");
        return transfer;
    }
}
