package org.clueexchange.adapter.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** One fact's push to one agency system: its state, how many attempts, and the last error. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Delivery(long cursor, String clientId, String clueId, DeliveryState state, int attempts,
                       Instant nextAttemptAt, Instant lastAttemptAt, String lastError, Instant deliveredAt) {
}
