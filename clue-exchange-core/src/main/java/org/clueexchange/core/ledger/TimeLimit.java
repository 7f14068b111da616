package org.clueexchange.core.ledger;

import java.time.Instant;

/**
 * A time limit as it stands: when it falls due, the fact that fulfilled it (when that fact occurred), and whether it
 * fell due with none. This is the one definition of late, met and breached: the ledger entry records by it, the
 * ledger shows it, and statements judge by it as of their period's end.
 *
 * @param fulfilledAt when the earliest fact that fulfils the limit occurred; null while none is known
 * @param fellDue     whether the due time passed while no fulfilling fact was known
 */
public record TimeLimit(Instant dueAt, Instant fulfilledAt, boolean fellDue) {

    /**
     * OPEN until it falls due or is fulfilled; MET when fulfilled in time; BREACHED when it fell due unfulfilled or
     * was fulfilled late. A fact that occurred in time but reached the ledger after the limit fell due meets it.
     */
    public enum Status {
        OPEN, MET, BREACHED;

        /** A fact occurred that fulfils the limit, {@link #late} or not. */
        public static Status fulfilled(boolean late) {
            return late ? BREACHED : MET;
        }

        /** The limit fell due with no fact fulfilling it. */
        public static Status fellDue() {
            return BREACHED;
        }
    }

    /** Whether a fact that occurred at {@code fulfilledAt} fulfils a limit due at {@code dueAt} too late. */
    public static boolean late(Instant fulfilledAt, Instant dueAt) {
        return fulfilledAt.isAfter(dueAt);
    }

    /** The limit as it stood at {@code moment}, judged only on what had occurred before it. */
    public static TimeLimit asOf(Instant moment, Instant dueAt, Instant fulfilledAt) {
        return new TimeLimit(dueAt, fulfilledAt != null && fulfilledAt.isBefore(moment) ? fulfilledAt : null,
                dueAt.isBefore(moment));
    }

    public Status status() {
        if (fulfilledAt != null) {
            return Status.fulfilled(late(fulfilledAt, dueAt));
        }
        return fellDue ? Status.fellDue() : Status.OPEN;
    }

    /** It fell due and nothing has fulfilled it yet. */
    public boolean overdue() {
        return fellDue && fulfilledAt == null;
    }
}
