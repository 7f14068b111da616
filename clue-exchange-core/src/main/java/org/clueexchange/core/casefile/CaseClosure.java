package org.clueexchange.core.casefile;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.clueexchange.events.EndorsementRole;

/**
 * Where a gang case's follow-up stands as of a moment, from the commission's facts about the whole case: its umbrella
 * findings, its endorsement signatures and its re-traces. The one definition of a closed case, which the case file
 * and the quarterly statement both apply.
 *
 * <p>Facts count in the order they occurred, not the order they arrived: a signature that arrives before the finding
 * it endorses still counts. A re-trace (回溯核查) starts the follow-up afresh: the findings and signatures that
 * occurred before it no longer close the case.
 */
public final class CaseClosure {

    /** What the follow-up of a case has come to. */
    public enum Status {
        OPEN("跟进中 follow-up open"),
        RETRACING("回溯核查中 re-trace under way"),
        UMBRELLA_FOUND("已发现保护伞 umbrella found"),
        AWAITING_ENDORSEMENT("未发现保护伞·背书未完成 no umbrella, endorsement incomplete"),
        CLOSED_NO_UMBRELLA("未发现保护伞·已背书 no umbrella, endorsed");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Whether the case needs nothing more from the commission. */
        public boolean closed() {
            return this == UMBRELLA_FOUND || this == CLOSED_NO_UMBRELLA;
        }
    }

    /**
     * One of the commission's facts about the whole case, as the rule reads it.
     *
     * @param umbrellaFound for a finding: whether an umbrella was found
     * @param role          for a signature: the role signed for
     * @param signerId      for a signature: who signed
     */
    public record Step(CaseFactKind kind, Instant occurredAt, String eventId, Boolean umbrellaFound,
                       EndorsementRole role, String signerId) {

        public static Step finding(Instant occurredAt, String eventId, boolean umbrellaFound) {
            return new Step(CaseFactKind.UMBRELLA_FINDING_MADE, occurredAt, eventId, umbrellaFound, null, null);
        }

        public static Step signature(Instant occurredAt, String eventId, EndorsementRole role, String signerId) {
            return new Step(CaseFactKind.ENDORSEMENT_SIGNED, occurredAt, eventId, null, role, signerId);
        }

        public static Step retrace(Instant occurredAt, String eventId) {
            return new Step(CaseFactKind.RETRACE_ORDERED, occurredAt, eventId, null, null, null);
        }

        /**
         * The step a recorded case fact is, as the case file and the tables of its facts both hold it: none for the
         * facts that do not decide the closure (registration, solution, officials, follow-ups, checks), nor for a
         * finding on one official ({@code personKey} set), since the case is closed by the finding on the whole case.
         */
        public static Optional<Step> of(CaseFactKind kind, Instant occurredAt, String eventId, String personKey,
                                        Boolean umbrellaFound, EndorsementRole role, String signerId) {
            return switch (kind) {
                case UMBRELLA_FINDING_MADE -> personKey == null
                        ? Optional.of(finding(occurredAt, eventId, umbrellaFound)) : Optional.empty();
                case ENDORSEMENT_SIGNED -> Optional.of(signature(occurredAt, eventId, role, signerId));
                case RETRACE_ORDERED -> Optional.of(retrace(occurredAt, eventId));
                default -> Optional.empty();
            };
        }
    }

    /**
     * Where the case stands.
     *
     * @param since       when the case came to stand so: the fact that decided it, or the re-trace that reopened it
     * @param endorsement the signatures of the current round (since the latest re-trace)
     * @param retraced    whether the case was ever re-traced
     */
    public record State(Status status, Instant since, Endorsement endorsement, boolean retraced) {
    }

    private static final Comparator<Step> OCCURRENCE = Comparator.comparing(Step::occurredAt)
            .thenComparing(Step::eventId);

    private CaseClosure() {
    }

    /** The case as of {@code asOf}, from its steps in any order; those that occurred at or after it do not count. */
    public static State asOf(List<Step> steps, Instant asOf) {
        List<Step> ordered = steps.stream().filter(step -> step.occurredAt().isBefore(asOf)).sorted(OCCURRENCE)
                .toList();
        Step retrace = null;
        Step finding = null;
        Endorsement endorsement = Endorsement.none();
        Instant completedAt = null;
        for (Step step : ordered) {
            switch (step.kind()) {
                case RETRACE_ORDERED -> {
                    retrace = step;
                    finding = null;
                    endorsement = Endorsement.none();
                    completedAt = null;
                }
                case UMBRELLA_FINDING_MADE -> finding = step;
                case ENDORSEMENT_SIGNED -> {
                    endorsement = endorsement.signedBy(step.role(), step.signerId());
                    // Complete since the signature that completed it: a later one re-signing a role changes nothing.
                    completedAt = !endorsement.complete() ? null
                            : completedAt == null ? step.occurredAt() : completedAt;
                }
                default -> {
                }
            }
        }
        boolean retraced = retrace != null;
        if (finding == null) {
            return new State(retraced ? Status.RETRACING : Status.OPEN, retraced ? retrace.occurredAt() : null,
                    endorsement, retraced);
        }
        if (Boolean.TRUE.equals(finding.umbrellaFound())) {
            return new State(Status.UMBRELLA_FOUND, finding.occurredAt(), endorsement, retraced);
        }
        if (!endorsement.complete()) {
            return new State(Status.AWAITING_ENDORSEMENT, finding.occurredAt(), endorsement, retraced);
        }
        Instant closedAt = completedAt.isAfter(finding.occurredAt()) ? completedAt : finding.occurredAt();
        return new State(Status.CLOSED_NO_UMBRELLA, closedAt, endorsement, retraced);
    }
}
