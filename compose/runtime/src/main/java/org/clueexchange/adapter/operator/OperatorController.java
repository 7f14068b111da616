package org.clueexchange.adapter.operator;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.clueexchange.adapter.access.Operator;
import org.clueexchange.adapter.delivery.Deliveries;
import org.clueexchange.adapter.delivery.Delivery;
import org.clueexchange.adapter.delivery.DeliveryState;
import org.clueexchange.adapter.outbox.Outbox;
import org.clueexchange.adapter.outbox.ParkedFact;
import org.clueexchange.api.Page;
import org.clueexchange.api.RequestRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an adapter's operators see to, the same in every adapter: the facts Kafka refused for good, to put back in
 * line once the cause is removed, and any client's pushes, those held for a client no longer configured among them.
 * Only an operator's bearer token opens these paths.
 */
@RestController
public class OperatorController {

    private static final Logger log = LoggerFactory.getLogger(OperatorController.class);

    private final Outbox outbox;
    private final Deliveries deliveries;

    public OperatorController(Outbox outbox, Deliveries deliveries) {
        this.outbox = outbox;
        this.deliveries = deliveries;
    }

    /** The parked facts after the cursor {@code after}, oldest first, each with Kafka's reason. */
    @GetMapping("/operator/v1/outbox/parked")
    public Page<ParkedFact> parked(@RequestParam(defaultValue = "0") @Min(0) long after,
                                   @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return Page.after(after, outbox.parked(after, limit), ParkedFact::sequence);
    }

    /**
     * Puts a parked fact back in line, ahead of the facts of its clue that waited behind it; answers with the fact as
     * it stood parked. Kafka may refuse it again, and then it is parked again with the new reason.
     */
    @PostMapping("/operator/v1/outbox/parked/{sequence}/retry")
    public ResponseEntity<ParkedFact> retry(@PathVariable long sequence, Operator operator) {
        ParkedFact requeued = outbox.requeue(sequence).orElseThrow(() -> RequestRefusedException.notFound(
                "sequence", "no parked fact " + sequence));
        log.info("operator {} put parked fact {} of clue {} back in line; it was parked for: {}", operator.id(),
                requeued.sequence(), requeued.clueId(), requeued.reason());
        return ResponseEntity.accepted().body(requeued);
    }

    /** A client's pushes in one state (HELD, say) after the cursor, oldest first. */
    @GetMapping("/operator/v1/deliveries")
    public Page<Delivery> deliveries(@RequestParam String client, @RequestParam DeliveryState state,
                                     @RequestParam(defaultValue = "0") @Min(0) long after,
                                     @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return Page.after(after, deliveries.of(client, state, after, limit), Delivery::cursor);
    }
}
