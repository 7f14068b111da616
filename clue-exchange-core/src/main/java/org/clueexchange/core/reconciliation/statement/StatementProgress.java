package org.clueexchange.core.reconciliation.statement;

/** Told how far a statement's build has come; long runs show it to the officer waiting. */
@FunctionalInterface
public interface StatementProgress {

    StatementProgress SILENT = (step, done, total) -> { };

    /** {@code done} of {@code total} items of {@code step} are through. */
    void advanced(String step, long done, long total);
}
