package org.clueexchange.embedded.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.clueexchange.infrastructure.LatencyPercentiles;

/**
 * Watches where clues show up after an agency's system was told its transfer was accepted, and how long each took.
 * {@value #POLLERS_PER_PLACE} threads per place poll every clue still awaited there: every {@value #MIN_POLL_MILLIS}
 * ms at first, then every twentieth of the time waited so far, so that a clue stuck behind a backlog costs the
 * applications little while each latency is still known to within five percent. Each place has threads of its own,
 * so that a slow one neither delays the look at another nor sees more than that many requests at once.
 */
final class Arrivals implements AutoCloseable {

    static final long MIN_POLL_MILLIS = 3;
    static final int POLLERS_PER_PLACE = 2;

    /** A place a clue shows up, such as an inbox, and whether it has; with the polls made and their total time. */
    record Place(String name, Predicate<String> shows, AtomicLong looks, AtomicLong lookNanos) {

        Place(String name, Predicate<String> shows) {
            this(name, shows, new AtomicLong(), new AtomicLong());
        }
    }

    /** The clues watched together, and how long each took to show up at each place. */
    final class Phase {

        private final Map<Place, List<Long>> latencies = new ConcurrentHashMap<>();
        private final Map<Place, AtomicInteger> missing = new ConcurrentHashMap<>();
        private final AtomicInteger awaited = new AtomicInteger();
        private final CountDownLatch closed = new CountDownLatch(1);
        private final Map<Place, long[]> looksBefore = new ConcurrentHashMap<>();
        private final Map<Place, long[]> looksAfter = new ConcurrentHashMap<>();
        private final long started = System.nanoTime();
        private long ended;
        private volatile CountDownLatch done;

        /** Phases follow each other: the polls while one lasts are its own. */
        Phase() {
            places.forEach(place -> {
                latencies.put(place, new ArrayList<>());
                missing.put(place, new AtomicInteger());
                looksBefore.put(place, looks(place));
            });
        }

        /** Watches the clue at every place from {@code acceptedAt} ({@link System#nanoTime()}) on. */
        void watch(String clueId, long acceptedAt) {
            for (Place place : places) {
                awaited.incrementAndGet();
                queues.get(place).put(new Awaited(this, place, clueId, acceptedAt, acceptedAt));
            }
        }

        /** Waits until every clue showed up everywhere or {@code patience} ran out for it. */
        void await() throws InterruptedException {
            done = new CountDownLatch(1);
            closed.countDown();
            if (awaited.get() > 0) {
                done.await();
            }
            ended = System.nanoTime();
            places.forEach(place -> looksAfter.put(place, looks(place)));
        }

        /** How hard the place was polled while the phase lasted: the load the measuring added. */
        String pollsPerSecond(Place place) {
            return String.format("%,.0f", polls(place) / ((ended - started) / 1e9));
        }

        /** How long a poll took on average: how much later than the clue a poll can have seen it. */
        String meanPoll(Place place) {
            long polls = polls(place);
            return polls == 0 ? "-" : BenchmarkReport.millis(Duration.ofNanos(
                    (looksAfter.get(place)[1] - looksBefore.get(place)[1]) / polls));
        }

        private long polls(Place place) {
            return looksAfter.get(place)[0] - looksBefore.get(place)[0];
        }

        private static long[] looks(Place place) {
            return new long[] {place.looks().get(), place.lookNanos().get()};
        }

        LatencyPercentiles latency(Place place) {
            List<Long> samples = latencies.get(place);
            synchronized (samples) {
                return LatencyPercentiles.ofNanos(samples.stream().mapToLong(Long::longValue).toArray());
            }
        }

        int missing(Place place) {
            return missing.get(place).get();
        }

        private void settled(Place place, Long latency) {
            if (latency == null) {
                missing.get(place).incrementAndGet();
            } else {
                List<Long> samples = latencies.get(place);
                synchronized (samples) {
                    samples.add(latency);
                }
            }
            if (awaited.decrementAndGet() == 0 && closed.getCount() == 0) {
                done.countDown();
            }
        }
    }

    private record Awaited(Phase phase, Place place, String clueId, long acceptedAt, long dueAt) implements Delayed {

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueAt - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(dueAt, ((Awaited) other).dueAt);
        }
    }

    private final List<Place> places;
    private final Duration patience;
    private final Map<Place, DelayQueue<Awaited>> queues = new ConcurrentHashMap<>();
    private final List<Thread> pollers = new ArrayList<>();

    Arrivals(List<Place> places, Duration patience) {
        this.places = List.copyOf(places);
        this.patience = patience;
        for (Place place : places) {
            DelayQueue<Awaited> queue = new DelayQueue<>();
            queues.put(place, queue);
            for (int i = 0; i < POLLERS_PER_PLACE; i++) {
                Thread poller = new Thread(() -> poll(queue), place.name() + "-poller-" + i);
                poller.setDaemon(true);
                poller.start();
                pollers.add(poller);
            }
        }
    }

    Phase phase() {
        return new Phase();
    }

    private void poll(DelayQueue<Awaited> queue) {
        try {
            while (true) {
                Awaited next = queue.take();
                boolean shows;
                long looking = System.nanoTime();
                try {
                    shows = next.place().shows().test(next.clueId());
                } catch (RuntimeException unreachableForNow) {
                    shows = false;
                }
                long now = System.nanoTime();
                next.place().looks().incrementAndGet();
                next.place().lookNanos().addAndGet(now - looking);
                long waited = now - next.acceptedAt();
                if (shows) {
                    next.phase().settled(next.place(), waited);
                } else if (waited > patience.toNanos()) {
                    next.phase().settled(next.place(), null);
                } else {
                    long pause = Math.max(TimeUnit.MILLISECONDS.toNanos(MIN_POLL_MILLIS), waited / 20);
                    queue.put(new Awaited(next.phase(), next.place(), next.clueId(), next.acceptedAt(), now + pause));
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        pollers.forEach(Thread::interrupt);
    }
}
