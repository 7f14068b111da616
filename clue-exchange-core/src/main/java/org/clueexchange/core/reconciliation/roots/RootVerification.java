package org.clueexchange.core.reconciliation.roots;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.EventEnvelope;
import org.clueexchange.events.StatementConfirmed;
import org.clueexchange.subscription.FactAdmission;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.origin.AgencyKeys;
import org.clueexchange.wire.origin.FactTree;
import org.clueexchange.wire.origin.OriginVerifier;

/**
 * {@code verify}: recomputes every link's root from the records of the agency topics, checks that each link follows
 * the one before it, that every fact a root counts was signed by the agency it names, and which agencies confirmed
 * each statement's latest revision by its digest and root under a signature of theirs; and proves where a clue's
 * facts are in the roots. The records come in (topic, partition, offset) order, from an archive or the broker alike.
 */
public final class RootVerification implements Archive.Reader {

    private static final HexFormat HEX = HexFormat.of();

    private final AgencyKeys keys;
    private final FactAdmission admission;
    private final String clueId;
    private final List<Window> windows = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final List<Confirmation> confirmations = new ArrayList<>();
    private long records;

    /** A link's window as recomputed, with the records of its range that are no facts or whose origin fails. */
    private record Window(ChainLink link, ChainLink previous, PeriodWindow tree, List<String> suspects) {
    }

    /** An agency's confirmation whose signature verified: of which statement, by which digest and root. */
    private record Confirmation(String statementId, String digest, String root, AgencyType agency, String keyId,
                                String position) {
    }

    /** What verify found: every line to print, and the failures among them. */
    public record Report(List<String> lines, List<String> failures) {

        public boolean verified() {
            return failures.isEmpty();
        }
    }

    /**
     * @param admission the core's, verifying origins under {@code keys}
     * @param clueId    the clue whose facts to prove in the roots, or none
     */
    public RootVerification(AgencyKeys keys, FactAdmission admission, String clueId) {
        this.keys = keys;
        this.admission = admission;
        this.clueId = clueId;
    }

    @Override
    public void links(List<ChainLink> links) {
        Map<String, ChainLink> last = new LinkedHashMap<>();
        for (ChainLink link : links) {
            ChainLink previous = last.put(link.chain(), link);
            Cut from = previous == null ? Cut.START : Cut.parse(previous.periodRoot().cut());
            Cut to = Cut.parse(link.periodRoot().cut());
            chained(link, previous, from, to);
            windows.add(new Window(link, previous, new PeriodWindow(link.jurisdiction(),
                    link.periodRoot().previousRoot(), from, to), new ArrayList<>()));
        }
    }

    private void chained(ChainLink link, ChainLink previous, Cut from, Cut to) {
        int expected = previous == null ? 1 : previous.periodRoot().link() + 1;
        String previousRoot = previous == null ? PeriodWindow.FIRST_PREVIOUS_ROOT : previous.periodRoot().root();
        if (link.periodRoot().link() != expected) {
            failures.add(name(link) + ": link " + link.periodRoot().link() + " where link " + expected
                    + " of " + link.chain() + " belongs: a link is missing or repeated");
        }
        if (!link.periodRoot().previousRoot().equals(previousRoot)) {
            failures.add(name(link) + ": its previous root " + link.periodRoot().previousRoot() + " is not "
                    + previousRoot + ", the root before it in " + link.chain());
        }
        if (!to.follows(from)) {
            failures.add(name(link) + ": its cut " + to + " lies before the previous link's " + from);
        }
    }

    @Override
    public void record(AgencyRecord record) {
        records++;
        FactAdmission.Admitted admitted = admission.admit(record.consumerRecord());
        Optional<String> suspicion = Optional.ofNullable(admitted.refusal()).map(refusal -> "no fact: " + refusal);
        if (admitted.origin() != null) {
            SpecificRecord event = admitted.event();
            EventEnvelope envelope = ClueEvents.envelopeOf(event);
            OriginVerifier.Verdict origin = admitted.origin();
            if (origin.verified() && event instanceof StatementConfirmed confirmation) {
                confirmations.add(new Confirmation(confirmation.getStatementId(), confirmation.getDigest(),
                        confirmation.getRoot(), envelope.getAssertedBy().getType(), origin.keyId(),
                        record.position()));
            }
            suspicion = origin.refusal().map(refusal -> "event " + envelope.getEventId() + ": " + refusal);
        }
        for (Window window : windows) {
            if (window.tree().covers(record)) {
                boolean counts = window.tree().take(record, admitted);
                suspicion.ifPresent(why -> {
                    window.suspects().add(record.position() + " " + why);
                    if (counts) {
                        failures.add(name(window.link()) + " counts " + record.position() + ", " + why);
                    }
                });
            }
        }
    }

    public Report finish() {
        List<String> lines = new ArrayList<>();
        lines.add("核验 verify: " + records + " records, " + windows.size() + " links, keys "
                + String.join(", ", keys.all().stream().map(key -> key.keyId()).sorted().toList()));
        Map<String, Window> latest = new LinkedHashMap<>();
        for (Window window : windows) {
            latest.put(window.link().statementId(), window);
            String computed = window.tree().root();
            if (computed.equals(window.link().periodRoot().root())) {
                lines.add("根一致 root verified: " + name(window.link()) + " " + computed + " over "
                        + window.tree().size() + " facts");
            } else {
                String failure = name(window.link()) + ": the records give root " + computed + " over "
                        + window.tree().size() + " facts, the statement was issued with "
                        + window.link().periodRoot().root() + " over " + window.link().periodRoot().facts()
                        + (window.suspects().isEmpty() ? "" : "; records of its window that do not hold: "
                        + String.join("; ", window.suspects()));
                failures.add(failure);
            }
            proofs(window, lines);
        }
        latest.values().forEach(window -> lines.add(cosigned(window.link())));
        failures.forEach(failure -> lines.add("不符 FAILED " + failure));
        lines.add(failures.isEmpty() ? "核验通过 verified" : "核验未通过 NOT verified: " + failures.size()
                + " failures");
        return new Report(lines, List.copyOf(failures));
    }

    /** Which agencies signed the statement's latest revision by its digest and root. */
    private String cosigned(ChainLink link) {
        Map<AgencyType, Confirmation> by = new EnumMap<>(AgencyType.class);
        confirmations.stream().filter(confirmation -> confirmation.statementId().equals(link.statementId())
                        && confirmation.digest().equals(link.digest())
                        && confirmation.root().equals(link.periodRoot().root()))
                .forEach(confirmation -> by.putIfAbsent(confirmation.agency(), confirmation));
        String signers = String.join(", ", by.values().stream().map(confirmation -> confirmation.agency()
                + " (key " + confirmation.keyId() + ", " + confirmation.position() + ")").toList());
        if (by.containsKey(AgencyType.POLICE) && by.containsKey(AgencyType.DISCIPLINE)) {
            return "双方签认 co-signed by both agencies: " + name(link) + " root " + link.periodRoot().root()
                    + " by " + signers;
        }
        return "未经双方签认 not co-signed by both agencies: " + name(link)
                + (by.isEmpty() ? ", no signed confirmation" : ", only by " + signers);
    }

    private void proofs(Window window, List<String> lines) {
        if (clueId == null) {
            return;
        }
        List<byte[]> leaves = window.tree().leaves();
        byte[] root = HEX.parseHex(window.tree().root());
        for (PeriodWindow.Fact fact : window.tree().facts()) {
            if (!fact.clueId().equals(clueId)) {
                continue;
            }
            List<byte[]> path = FactTree.inclusionProof(leaves, fact.leaf());
            boolean included = FactTree.includes(root, leaves.get(fact.leaf()), fact.leaf(), leaves.size(), path);
            lines.add("包含证明 inclusion proof: " + clueId + " event " + fact.eventId() + " at " + fact.position()
                    + " in " + name(window.link()) + ": leaf " + fact.leaf() + " of " + leaves.size() + ", leaf hash "
                    + HEX.formatHex(leaves.get(fact.leaf())) + ", path [" + String.join(",",
                    path.stream().map(HEX::formatHex).toList()) + "] → root " + window.tree().root()
                    + (included ? " (verifies)" : " (does NOT verify)"));
        }
    }

    private static String name(ChainLink link) {
        return link.statementId() + " revision " + link.revision() + " (link " + link.periodRoot().link() + " of "
                + link.chain() + ")";
    }
}
