package org.clueexchange.police.transfer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.api.ApiProblems;
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

/** The police case system transfers clues here and follows what became of them. */
@RestController
@RequestMapping("/api/v1/clue-transfers")
class ClueTransferController {

    private final ClueTransfers transfers;

    ClueTransferController(ClueTransfers transfers) {
        this.transfers = transfers;
    }

    /**
     * Accepts the transfer once it is stored; it is published to the exchange right after, or as soon as Kafka is
     * reachable again. Repeating the request returns the first answer.
     */
    @PostMapping
    ResponseEntity<ClueTransferView> transfer(@Valid @RequestBody ClueTransferRequest request,
                                              HttpServletRequest http) {
        AgencyClient.of(http).requireJurisdiction(request.jurisdiction(), "jurisdiction");
        ClueTransferView view = transfers.transfer(request);
        return ResponseEntity.accepted().location(URI.create("/api/v1/clue-transfers/" + view.clueId())).body(view);
    }

    @GetMapping("/{clueId}")
    ClueTransferView one(@PathVariable String clueId, HttpServletRequest http) {
        ClueTransferView view = transfers.find(clueId).orElseThrow(() -> new InvalidRequestException(
                HttpStatus.NOT_FOUND, List.of(new ApiProblems.FieldError("clueId", "no transfer " + clueId))));
        AgencyClient.of(http).requireJurisdiction(view.jurisdiction(), "clueId");
        return view;
    }

    /** This adapter's transfers after the cursor {@code after} (a transfer's position), oldest first. */
    @GetMapping
    Page<ClueTransferView> list(@RequestParam(defaultValue = "0") @Min(0) long after,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
                                HttpServletRequest http) {
        AgencyClient client = AgencyClient.of(http);
        return transfers.page(after, limit, view -> client.mayActFor(view.jurisdiction()));
    }
}
