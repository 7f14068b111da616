package org.clueexchange.police.transfer;

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
import org.clueexchange.adapter.clues.Requests;
import org.clueexchange.adapter.clues.SentClueView;
import org.clueexchange.adapter.clues.SentClues;
import org.clueexchange.api.Answers;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 问题线索移送: the police case system transfers clues found in gang cases to discipline commissions, follows them
 * with their whole history, and acknowledges the feedback on them (反馈确认).
 */
@RestController
@RequestMapping("/api/v1/clue-transfers")
class ClueTransferController {

    private final SentClues sent;

    ClueTransferController(SentClues sent) {
        this.sent = sent;
    }

    /**
     * Accepts the transfer once it is stored; it is published to the exchange right after, or as soon as Kafka is
     * reachable again. Repeating the request returns the first answer.
     */
    @PostMapping
    @Answers(status = HttpStatus.ACCEPTED, refuses = {NOT_ENTITLED, RECORD_ID_REUSED})
    ResponseEntity<SentClueView> transfer(@Valid @RequestBody ClueTransferRequest request, AgencyClient client) {
        SentClueView transfer = sent.transfer(request, client);
        return ResponseEntity.accepted().location(UriComponentsBuilder.fromPath("/api/v1/clue-transfers/{clueId}")
                .build(transfer.clueId())).body(transfer);
    }

    /** The police's transfers after the cursor {@code after} (a transfer's position), oldest first. */
    @GetMapping
    @Operation(operationId = "listTransfers")
    Page<SentClueView> list(@RequestParam(defaultValue = "0") @Min(0) long after,
                            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit, AgencyClient client) {
        return sent.page(after, limit, client);
    }

    @GetMapping("/{clueId}")
    @Operation(operationId = "getTransfer")
    @Answers(refuses = {NOT_ENTITLED, NOT_FOUND})
    SentClueView one(@PathVariable String clueId, AgencyClient client) {
        return sent.one(clueId, client);
    }

    @PostMapping("/{clueId}/feedback-acknowledgement")
    @Answers(status = HttpStatus.ACCEPTED, refuses = {NOT_ENTITLED, NOT_FOUND, RECORD_ID_REUSED, NOT_YET_POSSIBLE})
    ResponseEntity<AssertedFactView> acknowledge(@PathVariable String clueId,
                                                 @Valid @RequestBody Requests.Acknowledgement request,
                                                 AgencyClient client) {
        return ResponseEntity.accepted().body(sent.acknowledgeFeedback(clueId, request, client));
    }
}
