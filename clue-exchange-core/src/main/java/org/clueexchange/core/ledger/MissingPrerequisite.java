package org.clueexchange.core.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fact whose prerequisite had not occurred by some moment: a clue concluded without ever being accepted, feedback
 * without a conclusion. The pair rules of the ledger only compare facts that exist, so this is the one rule for a
 * fact that does not: the ledger judges it as of now, a statement as of its period's end, both by this.
 *
 * <p>A prerequisite that is merely late is not missing while the time limit it fulfils still runs: an acceptance
 * may follow a disposal that was recorded first as long as the same-day limit has not passed. A missing transfer is
 * not judged here: a clue without one stands awaiting its transfer (未见移送) and its receipt is the break
 * 已签收无移送记录.
 *
 * @param since from when the prerequisite counts as missing: when the fact occurred, or when the limit the
 *              prerequisite fulfils fell due if that was later
 */
public record MissingPrerequisite(FactKind fact, Instant factOccurredAt, FactKind prerequisite, Instant since) {

    /**
     * The prerequisites missing at {@code moment}, judged only on what had occurred before it.
     *
     * @param occurred when the earliest fact of each kind occurred
     * @param dueAt    when each time limit of the clue falls due
     */
    public static List<MissingPrerequisite> asOf(Map<FactKind, Instant> occurred, Map<SlaClock, Instant> dueAt,
                                                 Instant moment) {
        List<MissingPrerequisite> missing = new ArrayList<>();
        for (FactKind fact : FactKind.values()) {
            Instant at = occurred.get(fact);
            if (at == null || !at.isBefore(moment)) {
                continue;
            }
            for (FactKind prerequisite : fact.prerequisites()) {
                Instant prerequisiteAt = occurred.get(prerequisite);
                if (prerequisite == FactKind.TRANSFERRED
                        || prerequisiteAt != null && prerequisiteAt.isBefore(moment)) {
                    continue;
                }
                Instant limit = limitFulfilledBy(prerequisite, dueAt);
                Instant since = limit != null && limit.isAfter(at) ? limit : at;
                if (since.isBefore(moment)) {
                    missing.add(new MissingPrerequisite(fact, at, prerequisite, since));
                }
            }
        }
        return missing;
    }

    /** The earliest moment from which a prerequisite is missing, whatever occurs later; null if none ever is. */
    public static Instant earliest(Map<FactKind, Instant> occurred, Map<SlaClock, Instant> dueAt) {
        return asOf(occurred, dueAt, Instant.MAX).stream().map(MissingPrerequisite::since)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    public String detail() {
        return fact.label() + " " + fact.verb() + " at " + factOccurredAt + ", without " + prerequisite.label() + " "
                + prerequisite.verb();
    }

    /** When the last limit that {@code prerequisite} fulfils falls due; null if it fulfils none. */
    private static Instant limitFulfilledBy(FactKind prerequisite, Map<SlaClock, Instant> dueAt) {
        return Arrays.stream(SlaClock.values()).filter(clock -> clock.stoppedBy().contains(prerequisite))
                .map(dueAt::get).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    }
}
