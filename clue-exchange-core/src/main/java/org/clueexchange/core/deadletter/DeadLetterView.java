package org.clueexchange.core.deadletter;

import java.time.Instant;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;

/**
 * An event a processing group could not handle, as an operator sees it: which clue it holds, what the event was,
 * why it failed, and since when.
 *
 * @param clueId        the clue whose later events wait behind this one
 * @param position      the event's place in its clue's waiting sequence, 0 first
 * @param lastAttemptAt when it was last tried, by the processor or by an operator's retry
 */
record DeadLetterView(String processingGroup, String clueId, int position, String eventId, String eventType,
                      String causeType, String causeMessage, Instant enqueuedAt, Instant lastAttemptAt) {

    static DeadLetterView of(String processingGroup, int position, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        String clueId = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        return new DeadLetterView(processingGroup, clueId, position, event.getIdentifier(),
                event.getPayloadType().getSimpleName(), letter.cause().map(Cause::type).orElse(null),
                letter.cause().map(Cause::message).orElse(null), letter.enqueuedAt(), letter.lastTouched());
    }
}
