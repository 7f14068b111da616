package org.clueexchange.core.casefile;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.clueexchange.events.EndorsementRole;

/**
 * The three signatures (签字背书) that close a gang case as "no umbrella found": the follow-up officer (跟进人员), the
 * leader in charge (分管领导) and the principal leader (主要领导), three different people. The one definition of a
 * complete endorsement: the case file decides by it whether a case is closed, and the quarterly statement reports by
 * it what is missing.
 *
 * @param signers who signed for each of the three roles; a role signed again is held by its latest signer
 */
public record Endorsement(Map<EndorsementRole, String> signers) {

    /** The roles whose signatures close a case, in the order they are printed. */
    public static final List<EndorsementRole> ROLES = List.of(EndorsementRole.FOLLOW_UP_OFFICER,
            EndorsementRole.LEADER_IN_CHARGE, EndorsementRole.PRINCIPAL_LEADER);

    public Endorsement {
        signers = signers.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(signers));
    }

    public static Endorsement none() {
        return new Endorsement(Map.of());
    }

    /** This endorsement with {@code signerId}'s signature for {@code role}; a role the contract does not know adds none. */
    public Endorsement signedBy(EndorsementRole role, String signerId) {
        if (!ROLES.contains(role)) {
            return this;
        }
        Map<EndorsementRole, String> next = new EnumMap<>(EndorsementRole.class);
        next.putAll(signers);
        next.put(role, signerId);
        return new Endorsement(next);
    }

    /** The roles no one has signed for. */
    public List<EndorsementRole> missingRoles() {
        return ROLES.stream().filter(role -> !signers.containsKey(role)).toList();
    }

    /** The people who signed for more than one role: one person cannot vouch three times. */
    public Set<String> signersOfSeveralRoles() {
        Set<String> seen = new TreeSet<>();
        Set<String> repeated = new TreeSet<>();
        ROLES.stream().map(signers::get).filter(Objects::nonNull)
                .forEach(signer -> {
                    if (!seen.add(signer)) {
                        repeated.add(signer);
                    }
                });
        return repeated;
    }

    /** All three roles signed, by three different people. */
    public boolean complete() {
        return missingRoles().isEmpty() && signersOfSeveralRoles().isEmpty();
    }

    /** What keeps the endorsement from closing the case, as an officer reads it; empty when it is complete. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        missingRoles().forEach(role -> problems.add("缺少" + label(role) + "签字 no signature of the "
                + role.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        signersOfSeveralRoles().forEach(signer -> problems.add("同一人重复签字 " + signer
                + " signed for more than one role"));
        return problems;
    }

    public static String label(EndorsementRole role) {
        return switch (role) {
            case FOLLOW_UP_OFFICER -> "跟进人员";
            case LEADER_IN_CHARGE -> "分管领导";
            case PRINCIPAL_LEADER -> "主要领导";
            case OTHER -> "其他";
        };
    }
}
