package org.clueexchange.core.reconciliation.roots;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.events.EventEnvelope;
import org.clueexchange.subscription.FactAdmission;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.Jurisdictions;
import org.clueexchange.wire.origin.FactTree;

/**
 * The facts one statement's root is computed over: the records of the agency topics between the previous issue's
 * cut and this one that are facts ({@link FactAdmission}) asserted by an agency within the jurisdiction. Leaf 0 is
 * the previous root's 32 bytes, taken as a leaf's bytes; each further leaf is {@link FactTree#leafHash} of a fact's
 * record value, in (topic, partition, offset) order. The same class computes the root at issue and in
 * {@code verify}, so both count the same facts the same way.
 */
public final class PeriodWindow {

    /** The previous root of the first link of every chain. */
    public static final String FIRST_PREVIOUS_ROOT = "0".repeat(2 * FactTree.HASH_BYTES);
    private static final HexFormat HEX = HexFormat.of();
    private static final Comparator<AgencyRecord> ORDER = Comparator.comparing(AgencyRecord::topic)
            .thenComparingInt(AgencyRecord::partition).thenComparingLong(AgencyRecord::offset);

    private final String jurisdiction;
    private final Cut from;
    private final Cut to;
    private final List<byte[]> leaves = new ArrayList<>();
    private final List<Fact> facts = new ArrayList<>();
    private AgencyRecord last;

    /** A fact of the window: where it is, which event and clue, and its leaf's index in the tree. */
    public record Fact(String position, String eventId, String clueId, int leaf) {
    }

    public PeriodWindow(String jurisdiction, String previousRoot, Cut from, Cut to) {
        this.jurisdiction = jurisdiction;
        this.from = from;
        this.to = to;
        leaves.add(FactTree.leafHash(HEX.parseHex(previousRoot)));
    }

    /** Whether the record lies between the two cuts. */
    public boolean covers(AgencyRecord record) {
        return record.offset() >= from.end(record.topic(), record.partition())
                && record.offset() < to.end(record.topic(), record.partition());
    }

    /**
     * Takes the next record of the window, in (topic, partition, offset) order, as {@link FactAdmission} judged
     * it; it counts if it is a fact of the jurisdiction.
     *
     * @return whether it counts
     */
    public boolean take(AgencyRecord record, FactAdmission.Admitted admitted) {
        if (!covers(record)) {
            throw new IllegalArgumentException(record.position() + " lies outside the window " + from + " to " + to);
        }
        if (last != null && ORDER.compare(last, record) >= 0) {
            throw new IllegalArgumentException(record.position() + " comes after " + last.position()
                    + ": a window takes its records in (topic, partition, offset) order");
        }
        last = record;
        if (admitted.fact() == null) {
            return false;
        }
        SpecificRecord event = admitted.fact().event();
        if (ClueEvents.publishedByCore(event)) {
            return false;
        }
        EventEnvelope envelope = ClueEvents.envelopeOf(event);
        if (!Jurisdictions.isValid(envelope.getAssertedBy().getJurisdiction())
                || !Jurisdictions.liesWithin(envelope.getAssertedBy().getJurisdiction(), jurisdiction)) {
            return false;
        }
        facts.add(new Fact(record.position(), envelope.getEventId(), envelope.getClueId(), leaves.size()));
        leaves.add(FactTree.leafHash(record.value()));
        return true;
    }

    public String root() {
        return HEX.formatHex(FactTree.root(leaves));
    }

    public List<Fact> facts() {
        return List.copyOf(facts);
    }

    public int size() {
        return facts.size();
    }

    /** The tree's leaf hashes, the previous root's first, for inclusion proofs. */
    public List<byte[]> leaves() {
        return List.copyOf(leaves);
    }
}
