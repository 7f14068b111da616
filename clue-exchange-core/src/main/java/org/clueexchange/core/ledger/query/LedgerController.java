package org.clueexchange.core.ledger.query;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.clueexchange.core.ledger.Direction;
import org.clueexchange.core.ledger.LedgerState;
import org.clueexchange.core.ledger.messages.FindLedgerEntry;
import org.clueexchange.core.ledger.messages.ListLedgerEntries;
import org.clueexchange.wire.Jurisdictions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The transfer ledger over HTTP: one clue, or a filtered page of clues. */
@RestController
@RequestMapping("/api/ledger/clues")
class LedgerController {

    private final QueryGateway queries;

    LedgerController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/{clueId}")
    ResponseEntity<LedgerEntryView> one(@PathVariable String clueId) {
        return ResponseEntity.of(queries.query(new FindLedgerEntry(clueId),
                ResponseTypes.optionalInstanceOf(LedgerEntryView.class)).join());
    }

    @GetMapping
    List<LedgerEntryView> list(
            @RequestParam(required = false)
            @Pattern(regexp = Jurisdictions.CODE_PATTERN, message = Jurisdictions.CODE_RULE) String jurisdiction,
            @RequestParam(required = false) Direction direction,
            @RequestParam(required = false) LedgerState state,
            @RequestParam(required = false) Boolean anomalous,
            @RequestParam(required = false) Boolean breached,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return queries.query(new ListLedgerEntries(jurisdiction, direction, state, anomalous, breached, limit, offset),
                ResponseTypes.multipleInstancesOf(LedgerEntryView.class)).join();
    }
}
