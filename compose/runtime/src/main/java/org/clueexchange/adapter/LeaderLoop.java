package org.clueexchange.adapter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Background work of an adapter that exactly one of its instances does at a time: the instance holding a
 * PostgreSQL advisory lock runs rounds of work, pausing while there is nothing to do and backing off while rounds
 * fail. It starts with the application, once every bean (the database migrations among them) is ready.
 */
public abstract class LeaderLoop implements SmartLifecycle, AutoCloseable {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(15);

    protected final Logger log = LoggerFactory.getLogger(getClass());
    private final DataSource dataSource;
    private final long lockKey;
    private final Duration idlePause;
    private final Thread thread;
    private final Object wakeUp = new Object();
    private volatile boolean running = true;
    private Connection leadership;

    protected LeaderLoop(String name, DataSource dataSource, long lockKey, Duration idlePause) {
        this.dataSource = dataSource;
        this.lockKey = lockKey;
        this.idlePause = idlePause;
        this.thread = new Thread(this::run, name);
    }

    /** One round of work; returns how much it did, 0 when there was nothing to do. Throws when it could not. */
    protected abstract int round() throws Exception;

    /** Called once a round has failed, before the backoff, e.g. to drop a connection that may be broken. */
    protected void afterFailure() {
    }

    /**
     * Called each time this instance takes the lead, before its first round, e.g. to set right what an instance
     * configured otherwise left behind. Throws when it could not: the instance gives the lead up and tries again.
     */
    protected void tookTheLead() throws Exception {
    }

    @Override
    public void start() {
        thread.start();
    }

    @Override
    public void stop() {
        close();
    }

    @Override
    public boolean isRunning() {
        return running && thread.isAlive();
    }

    /** Cuts the current pause short: there is work. */
    public void wakeUp() {
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    private void run() {
        Duration backoff = FIRST_BACKOFF;
        boolean failing = false;
        while (running) {
            try {
                int done = isLeader() ? round() : 0;
                if (failing) {
                    log.info("{}: working again", thread.getName());
                    failing = false;
                }
                backoff = FIRST_BACKOFF;
                if (done == 0) {
                    pause(idlePause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!failing) {
                    log.warn("{}: failing, retrying with backoff", thread.getName(), e);
                    failing = true;
                }
                afterFailure();
                closeLeadership();
                try {
                    pause(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF
                        : backoff.multipliedBy(2);
            }
        }
    }

    /** Holds a session-level advisory lock on a connection of its own; whoever holds it does the work. */
    private boolean isLeader() throws Exception {
        if (leadership != null && leadership.isValid(2)) {
            return true;
        }
        closeLeadership();
        Connection connection = dataSource.getConnection();
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, lockKey);
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                if (result.getBoolean(1)) {
                    leadership = connection;
                    tookTheLead();
                    return true;
                }
            }
        }
        connection.close();
        return false;
    }

    private void closeLeadership() {
        if (leadership != null) {
            try {
                leadership.close();
            } catch (SQLException e) {
                log.debug("{}: closing a broken lock connection", thread.getName(), e);
            }
            leadership = null;
        }
    }

    private void pause(Duration duration) throws InterruptedException {
        synchronized (wakeUp) {
            wakeUp.wait(duration.toMillis());
        }
    }

    @Override
    public void close() {
        running = false;
        wakeUp();
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeLeadership();
    }
}
