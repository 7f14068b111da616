package org.clueexchange.adapter.clues;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.api.InvalidRequestException;
import org.clueexchange.api.Page;
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
 * The clues the agency transferred (each adapter adds the transfer itself, in its agency's terms): followed with a
 * cursor, one by one with their history, and the feedback on them acknowledged.
 */
@RestController
@RequestMapping("/api/v1/clue-transfers")
public class SentCluesController {

    private final SentClues sent;

    public SentCluesController(SentClues sent) {
        this.sent = sent;
    }

    /** The answer to a transfer: accepted for publication, and where to follow it. */
    public static ResponseEntity<SentClueView> accepted(SentClueView view) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/clue-transfers/" + view.clueId())).body(view);
    }

    /** This adapter's transfers after the cursor {@code after} (a transfer's position), oldest first. */
    @GetMapping
    Page<SentClueView> list(@RequestParam(defaultValue = "0") @Min(0) long after,
                            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
                            HttpServletRequest http) {
        AgencyClient client = AgencyClient.of(http);
        return sent.page(after, limit, view -> client.mayActFor(view.jurisdiction()));
    }

    @GetMapping("/{clueId}")
    SentClueView one(@PathVariable String clueId, HttpServletRequest http) {
        SentClueView view = sent.find(clueId).orElseThrow(() -> InvalidRequestException.of(HttpStatus.NOT_FOUND,
                "clueId", "this adapter's agency transferred no clue " + clueId));
        AgencyClient.of(http).requireJurisdiction(view.jurisdiction(), "clueId");
        return view;
    }

    @PostMapping("/{clueId}/feedback-acknowledgement")
    ResponseEntity<AssertedFactView> acknowledge(@PathVariable String clueId,
                                                 @Valid @RequestBody Requests.Acknowledgement request,
                                                 HttpServletRequest http) {
        return ResponseEntity.accepted().body(sent.acknowledgeFeedback(
                sent.transfer(clueId, AgencyClient.of(http)), request));
    }
}
