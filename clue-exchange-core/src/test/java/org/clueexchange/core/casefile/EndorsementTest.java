package org.clueexchange.core.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clueexchange.events.EndorsementRole.FOLLOW_UP_OFFICER;
import static org.clueexchange.events.EndorsementRole.LEADER_IN_CHARGE;
import static org.clueexchange.events.EndorsementRole.OTHER;
import static org.clueexchange.events.EndorsementRole.PRINCIPAL_LEADER;

import org.junit.jupiter.api.Test;

class EndorsementTest {

    @Test
    void threeRolesSignedByThreePeopleAreComplete() {
        Endorsement endorsement = Endorsement.none().signedBy(FOLLOW_UP_OFFICER, "li")
                .signedBy(LEADER_IN_CHARGE, "wang").signedBy(PRINCIPAL_LEADER, "zhao");

        assertThat(endorsement.complete()).isTrue();
        assertThat(endorsement.problems()).isEmpty();
    }

    @Test
    void twoSignaturesLeaveTheThirdRoleMissing() {
        Endorsement endorsement = Endorsement.none().signedBy(FOLLOW_UP_OFFICER, "li")
                .signedBy(PRINCIPAL_LEADER, "zhao");

        assertThat(endorsement.complete()).isFalse();
        assertThat(endorsement.missingRoles()).containsExactly(LEADER_IN_CHARGE);
        assertThat(endorsement.problems()).containsExactly("缺少分管领导签字 no signature of the leader in charge");
    }

    @Test
    void onePersonSigningTwoRolesDoesNotComplete() {
        Endorsement endorsement = Endorsement.none().signedBy(FOLLOW_UP_OFFICER, "li").signedBy(LEADER_IN_CHARGE, "li")
                .signedBy(PRINCIPAL_LEADER, "zhao");

        assertThat(endorsement.missingRoles()).isEmpty();
        assertThat(endorsement.signersOfSeveralRoles()).containsExactly("li");
        assertThat(endorsement.complete()).isFalse();
        assertThat(endorsement.problems()).containsExactly("同一人重复签字 li signed for more than one role");
    }

    @Test
    void aRoleSignedAgainIsHeldByItsLatestSigner() {
        Endorsement endorsement = Endorsement.none().signedBy(FOLLOW_UP_OFFICER, "li").signedBy(LEADER_IN_CHARGE, "li")
                .signedBy(PRINCIPAL_LEADER, "zhao").signedBy(LEADER_IN_CHARGE, "wang");

        assertThat(endorsement.signers()).containsEntry(LEADER_IN_CHARGE, "wang");
        assertThat(endorsement.complete()).isTrue();
    }

    @Test
    void aRoleTheContractDoesNotKnowAddsNoSignature() {
        Endorsement endorsement = Endorsement.none().signedBy(OTHER, "li");

        assertThat(endorsement.signers()).isEmpty();
        assertThat(endorsement.missingRoles()).containsExactlyElementsOf(Endorsement.ROLES);
    }
}
