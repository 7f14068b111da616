package org.clueexchange.adapter.delivery;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.util.List;
import org.clueexchange.adapter.FactJson;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.adapter.received.ReceivedFact;
import org.clueexchange.adapter.received.ReceivedFacts;
import org.clueexchange.api.InvalidRequestException;
import org.clueexchange.api.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Delivery of the other agency's facts to the agency system: pulled from a feed with a cursor, and, where the client
 * has a webhook, pushed with each fact's delivery state to watch and retry.
 */
@RestController
public class FeedController {

    private final ReceivedFacts received;
    private final Deliveries deliveries;
    private final Clock clock;

    public FeedController(ReceivedFacts received, Deliveries deliveries, Clock clock) {
        this.received = received;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** Every fact concerning the client's jurisdictions after the cursor {@code after}, oldest first. */
    @GetMapping("/api/v1/feed")
    Page<FeedItem> feed(@RequestParam(defaultValue = "0") @Min(0) long after,
                        @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit, HttpServletRequest http) {
        AgencyClient client = AgencyClient.of(http);
        List<ReceivedFact> facts = received.feed(client.jurisdictions(), after, limit);
        return new Page<>(facts.stream().map(fact -> new FeedItem(fact.sequence(), fact.clueId(), fact.receivedAt(),
                FactJson.of(fact.event()), deliveries.find(fact.sequence(), client.id()).orElse(null))).toList(),
                facts.isEmpty() ? after : facts.get(facts.size() - 1).sequence());
    }

    /** The client's pushes in one state (FAILED, say) after the cursor, oldest first. */
    @GetMapping("/api/v1/deliveries")
    Page<Delivery> deliveries(@RequestParam DeliveryState state,
                              @RequestParam(defaultValue = "0") @Min(0) long after,
                              @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
                              HttpServletRequest http) {
        List<Delivery> found = deliveries.of(AgencyClient.of(http).id(), state, after, limit);
        return new Page<>(found, found.isEmpty() ? after : found.get(found.size() - 1).cursor());
    }

    /** Puts a push that failed (or is still retrying) back in line, from its first attempt. */
    @PostMapping("/api/v1/deliveries/{cursor}/retry")
    ResponseEntity<Delivery> retry(@PathVariable long cursor, HttpServletRequest http) {
        String client = AgencyClient.of(http).id();
        if (!deliveries.retry(cursor, client, clock.instant())) {
            throw InvalidRequestException.of(HttpStatus.NOT_FOUND, "cursor",
                    "no undelivered push " + cursor + " to client " + client);
        }
        return ResponseEntity.accepted().body(deliveries.find(cursor, client).orElseThrow());
    }
}
