package org.clueexchange.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * A clock a test sets to any instant, from which it runs on in real time: the deadline scheduler then behaves as in
 * production, only at the moment the test chooses.
 */
public final class AdjustableClock extends Clock {

    public static final AdjustableClock INSTANCE = new AdjustableClock();

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    private AdjustableClock() {
    }

    public void set(Instant now) {
        offset.set(Duration.between(Instant.now(), now));
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the exchange keeps time in UTC");
    }

    /** Makes the core run on {@link #INSTANCE}. */
    @Configuration(proxyBeanMethods = false)
    public static class InCore {

        @Bean
        @Primary
        Clock adjustableClock() {
            return INSTANCE;
        }
    }
}
