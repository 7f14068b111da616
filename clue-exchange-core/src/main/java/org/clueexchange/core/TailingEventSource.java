package org.clueexchange.core;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event store's streams, with word of new events. Axon's pooled processor, given a stream that cannot say when
 * events arrive, looks again only every 500 ms, which would be most of the time a fact takes to reach the ledger.
 * This source follows the head of the store on a thread of its own, a reader of the store's shared cache woken as
 * soon as new events are in it, and then calls back every stream it opened, which the processor answers by reading
 * at once.
 */
final class TailingEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TailingEventSource.class);

    private final EmbeddedEventStore eventStore;
    private final Set<Runnable> callbacks = new CopyOnWriteArraySet<>();
    private Thread follower;
    private volatile boolean open = true;

    TailingEventSource(EmbeddedEventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        follow();
        return new Notifying(eventStore.openStream(trackingToken));
    }

    /** Follows the head from the first stream opened on, when the store and its processors are running. */
    private synchronized void follow() {
        if (follower == null) {
            follower = new Thread(this::followHead, "ledger-event-tail");
            follower.setDaemon(true);
            follower.start();
        }
    }

    private void followHead() {
        while (open) {
            try (BlockingStream<TrackedEventMessage<?>> head = eventStore.openStream(eventStore.createHeadToken())) {
                while (open) {
                    if (head.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        while (head.hasNextAvailable()) {
                            head.nextAvailable();
                        }
                        callbacks.forEach(Runnable::run);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (open) {
                    log.warn("following the event store's head failed; following it again", e);
                }
            }
        }
    }

    @Override
    public void close() {
        open = false;
        Thread following;
        synchronized (this) {
            following = follower;
        }
        if (following != null) {
            following.interrupt();
            try {
                following.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    /** A stream of the store that is called back when events arrive. */
    private final class Notifying implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private Runnable callback;

        private Notifying(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            if (this.callback != null) {
                callbacks.remove(this.callback);
            }
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return stream.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            if (callback != null) {
                callbacks.remove(callback);
            }
            stream.close();
        }
    }
}
