package org.clueexchange.adapter.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * A fact of the other agency (or the core's answer to a confirmation of the client's agency) that concerns the
 * client, as the pull feed gives it.
 *
 * @param cursor   its place in the feed; pass it as {@code after} to read on
 * @param delivery its push to the client's webhook, if the client has one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedItem(long cursor, String clueId, Instant arrivedAt, Map<String, Object> fact, Delivery delivery) {
}
