package org.clueexchange.core.reconciliation;

import java.util.EnumSet;
import java.util.Set;
import org.clueexchange.events.AgencyType;

/**
 * Where a statement's current revision stands with the two agencies. The one definition of "confirmed": the
 * statement decides by it whether it may still be re-issued, and officers and later statements read it.
 */
public enum StatementStatus {
    ISSUED("已出具 issued"),
    PARTLY_CONFIRMED("一方已确认 confirmed by one agency"),
    CONFIRMED("双方已确认 confirmed by both agencies");

    private static final Set<AgencyType> PARTIES = EnumSet.of(AgencyType.POLICE, AgencyType.DISCIPLINE);

    private final String label;

    StatementStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The status of a revision that these agencies have confirmed. */
    public static StatementStatus of(Set<AgencyType> confirmedBy) {
        if (confirmedBy.containsAll(PARTIES)) {
            return CONFIRMED;
        }
        return confirmedBy.isEmpty() ? ISSUED : PARTLY_CONFIRMED;
    }
}
