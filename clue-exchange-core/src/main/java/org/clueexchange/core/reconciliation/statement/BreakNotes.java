package org.clueexchange.core.reconciliation.statement;

/** The officers' notes on a statement's breaks, as its tables print them. */
@FunctionalInterface
public interface BreakNotes {

    BreakNotes NONE = (itemId, category) -> null;

    /** The note on the break of {@code category} on {@code itemId} with who wrote it, or null if there is none. */
    String on(String itemId, String category);
}
