package org.clueexchange.core.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clueexchange.events.EndorsementRole.FOLLOW_UP_OFFICER;
import static org.clueexchange.events.EndorsementRole.LEADER_IN_CHARGE;
import static org.clueexchange.events.EndorsementRole.OTHER;
import static org.clueexchange.events.EndorsementRole.PRINCIPAL_LEADER;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.clueexchange.core.casefile.CaseClosure.Status;
import org.clueexchange.core.casefile.CaseClosure.Step;
import org.clueexchange.events.EndorsementRole;
import org.junit.jupiter.api.Test;

class CaseClosureTest {

    private static final Instant T = Instant.parse("2020-07-01T02:00:00Z");
    private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void aCaseWithoutAFindingIsOpen() {
        CaseClosure.State state = CaseClosure.asOf(List.of(signature(1, FOLLOW_UP_OFFICER, "li")), LATER);

        assertThat(state.status()).isEqualTo(Status.OPEN);
        assertThat(state.retraced()).isFalse();
    }

    @Test
    void anUmbrellaFoundClosesTheCaseWithoutSignatures() {
        CaseClosure.State state = CaseClosure.asOf(List.of(finding(5, true)), LATER);

        assertThat(state.status()).isEqualTo(Status.UMBRELLA_FOUND);
        assertThat(state.status().closed()).isTrue();
        assertThat(state.since()).isEqualTo(T.plusSeconds(5));
    }

    @Test
    void noUmbrellaWithTwoSignaturesAwaitsTheEndorsement() {
        CaseClosure.State state = CaseClosure.asOf(List.of(finding(1, false), signature(2, FOLLOW_UP_OFFICER, "li"),
                signature(3, LEADER_IN_CHARGE, "wang")), LATER);

        assertThat(state.status()).isEqualTo(Status.AWAITING_ENDORSEMENT);
        assertThat(state.endorsement().missingRoles()).containsExactly(PRINCIPAL_LEADER);
    }

    @Test
    void signaturesThatOccurredBeforeTheFindingCountInAnyArrivalOrder() {
        List<Step> steps = new ArrayList<>(List.of(signature(1, FOLLOW_UP_OFFICER, "li"),
                signature(2, LEADER_IN_CHARGE, "wang"), signature(3, PRINCIPAL_LEADER, "zhao"), finding(9, false)));
        Collections.reverse(steps);

        CaseClosure.State state = CaseClosure.asOf(steps, LATER);

        assertThat(state.status()).isEqualTo(Status.CLOSED_NO_UMBRELLA);
        assertThat(state.since()).isEqualTo(T.plusSeconds(9));
    }

    @Test
    void theCaseIsClosedWhenTheEndorsementWasCompletedNotByLaterSignatures() {
        CaseClosure.State state = CaseClosure.asOf(List.of(finding(1, false), signature(2, FOLLOW_UP_OFFICER, "li"),
                signature(3, LEADER_IN_CHARGE, "wang"), signature(4, PRINCIPAL_LEADER, "zhao"),
                signature(7, OTHER, "sun"), signature(8, FOLLOW_UP_OFFICER, "li")), LATER);

        assertThat(state.status()).isEqualTo(Status.CLOSED_NO_UMBRELLA);
        assertThat(state.since()).isEqualTo(T.plusSeconds(4));
    }

    @Test
    void aReTraceReopensAClosedCaseAndEarlierSignaturesNoLongerCount() {
        List<Step> closed = List.of(finding(1, false), signature(2, FOLLOW_UP_OFFICER, "li"),
                signature(3, LEADER_IN_CHARGE, "wang"), signature(4, PRINCIPAL_LEADER, "zhao"));
        List<Step> retraced = new ArrayList<>(closed);
        retraced.add(Step.retrace(T.plusSeconds(10), id()));
        retraced.add(finding(11, false));

        CaseClosure.State state = CaseClosure.asOf(retraced, LATER);

        assertThat(CaseClosure.asOf(closed, LATER).status()).isEqualTo(Status.CLOSED_NO_UMBRELLA);
        assertThat(state.status()).isEqualTo(Status.AWAITING_ENDORSEMENT);
        assertThat(state.retraced()).isTrue();
        assertThat(state.endorsement().signers()).isEmpty();
        assertThat(CaseClosure.asOf(retraced.subList(0, 5), LATER).status()).isEqualTo(Status.RETRACING);
    }

    @Test
    void factsAtOrAfterTheMomentDoNotCount() {
        List<Step> steps = List.of(finding(1, false), signature(2, FOLLOW_UP_OFFICER, "li"),
                signature(3, LEADER_IN_CHARGE, "wang"), signature(4, PRINCIPAL_LEADER, "zhao"));

        assertThat(CaseClosure.asOf(steps, T.plusSeconds(4)).status()).isEqualTo(Status.AWAITING_ENDORSEMENT);
        assertThat(CaseClosure.asOf(steps, T.plusSeconds(1)).status()).isEqualTo(Status.OPEN);
    }

    @Test
    void onlyTheFindingOnTheWholeCaseAndTheEndorsementAndReTracesAreSteps() {
        assertThat(Step.of(CaseFactKind.UMBRELLA_FINDING_MADE, T, id(), "a".repeat(64), true, null, null)).isEmpty();
        assertThat(Step.of(CaseFactKind.UMBRELLA_FINDING_MADE, T, id(), null, true, null, null)).isPresent();
        assertThat(Step.of(CaseFactKind.OFFICIAL_INVOLVED, T, id(), "a".repeat(64), null, null, null)).isEmpty();
        assertThat(Step.of(CaseFactKind.RETRACE_ORDERED, T, id(), null, null, null, null)).isPresent();
    }

    private static Step finding(int second, boolean umbrellaFound) {
        return Step.finding(T.plusSeconds(second), id(), umbrellaFound);
    }

    private static Step signature(int second, EndorsementRole role, String signer) {
        return Step.signature(T.plusSeconds(second), id(), role, signer);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
