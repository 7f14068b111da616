package org.clueexchange.discipline.feed;

import static org.clueexchange.api.ProblemType.NOT_FOUND;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.adapter.delivery.Delivery;
import org.clueexchange.adapter.delivery.DeliveryFeed;
import org.clueexchange.adapter.delivery.DeliveryState;
import org.clueexchange.adapter.delivery.FeedItem;
import org.clueexchange.api.Answers;
import org.clueexchange.api.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the police asserted that concerns the commission's clue management system, and what the core made of the
 * commission's confirmations: every fact in a feed pulled with a cursor, and, where the system has a webhook, each
 * fact's push to watch and retry.
 */
@RestController
class FeedController {

    private final DeliveryFeed feed;

    FeedController(DeliveryFeed feed) {
        this.feed = feed;
    }

    /** Every fact concerning the client's jurisdictions after the cursor {@code after}, oldest first. */
    @GetMapping("/api/v1/feed")
    Page<FeedItem> feed(@RequestParam(defaultValue = "0") @Min(0) long after,
                        @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit, AgencyClient client) {
        return feed.feed(client, after, limit);
    }

    /** The client's pushes in one state (FAILED, say) after the cursor, oldest first. */
    @GetMapping("/api/v1/deliveries")
    Page<Delivery> deliveries(@RequestParam DeliveryState state, @RequestParam(defaultValue = "0") @Min(0) long after,
                              @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit, AgencyClient client) {
        return feed.deliveries(client, state, after, limit);
    }

    /** Puts a push that failed (or is still retrying) back in line, from its first attempt. */
    @PostMapping("/api/v1/deliveries/{cursor}/retry")
    @Answers(status = HttpStatus.ACCEPTED, refuses = NOT_FOUND)
    ResponseEntity<Delivery> retry(@PathVariable long cursor, AgencyClient client) {
        return ResponseEntity.accepted().body(feed.retry(cursor, client));
    }
}
