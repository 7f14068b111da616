package org.clueexchange.core.casefile.command;

import static org.clueexchange.events.EndorsementRole.FOLLOW_UP_OFFICER;
import static org.clueexchange.events.EndorsementRole.LEADER_IN_CHARGE;
import static org.clueexchange.events.EndorsementRole.PRINCIPAL_LEADER;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.clueexchange.core.casefile.CaseClosure.Status;
import org.clueexchange.core.casefile.messages.CaseAnomalyKind;
import org.clueexchange.core.casefile.messages.CaseAnomalyRecorded;
import org.clueexchange.core.casefile.messages.CaseClosureChanged;
import org.clueexchange.core.casefile.messages.EndorsementRecorded;
import org.clueexchange.core.casefile.messages.FollowUpRecorded;
import org.clueexchange.core.casefile.messages.GangCaseRegistrationRecorded;
import org.clueexchange.core.casefile.messages.GangCaseSolutionRecorded;
import org.clueexchange.core.casefile.messages.OfficialInvolvementRecorded;
import org.clueexchange.core.casefile.messages.RecordCaseFact;
import org.clueexchange.core.casefile.messages.RetraceRecorded;
import org.clueexchange.core.casefile.messages.UmbrellaFindingRecorded;
import org.clueexchange.core.ledger.messages.AgencyId;
import org.clueexchange.core.ledger.messages.Assertion;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.EndorsementRole;
import org.clueexchange.events.GangCaseType;
import org.clueexchange.events.InvolvementRole;
import org.clueexchange.events.OfficialRank;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GangCaseFileTest {

    private static final String CASE = "昭公（刑）立字〔2020〕17号";
    private static final AgencyId POLICE = new AgencyId(AgencyType.POLICE, "530600");
    private static final AgencyId DISCIPLINE = new AgencyId(AgencyType.DISCIPLINE, "530600");
    private static final AgencyId KUNMING_POLICE = new AgencyId(AgencyType.POLICE, "530100");
    private static final AgencyId KUNMING_DISCIPLINE = new AgencyId(AgencyType.DISCIPLINE, "530100");
    private static final AgencyId ANOTHER_PREFECTURES_DISCIPLINE = new AgencyId(AgencyType.DISCIPLINE, "530700");
    private static final Instant T = Instant.parse("2020-07-01T02:00:00Z");
    private static final String PERSON = "a".repeat(64);

    private FixtureConfiguration<GangCaseFile> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(GangCaseFile.class);
    }

    @Test
    void aRegistrationOpensTheFile() {
        GangCaseRegistrationRecorded registration = registration(0, "530602");

        fixture.givenNoPriorActivity()
                .when(new RecordCaseFact(registration))
                .expectEvents(registration);
    }

    @Test
    void aFactDeliveredAgainChangesNothing() {
        GangCaseRegistrationRecorded registration = registration(0, "530600");
        UmbrellaFindingRecorded finding = finding(DISCIPLINE, 5, true);

        fixture.given(registration, finding, new CaseClosureChanged(CASE, Status.UMBRELLA_FOUND, T.plusSeconds(5)))
                .when(new RecordCaseFact(finding))
                .expectNoEvents();
    }

    @Test
    void anOfficialAndAFollowUpBeforeTheRegistrationAreRecordedAndTheRegistrationJoinsThem() {
        OfficialInvolvementRecorded official = official(2);
        FollowUpRecorded followUp = new FollowUpRecorded(CASE, assertion(DISCIPLINE, 3), PERSON,
                OfficialRank.COUNTY_DIVISION);
        GangCaseRegistrationRecorded registration = registration(0, "530600");

        fixture.givenNoPriorActivity()
                .when(new RecordCaseFact(official))
                .expectEvents(official);
        fixture.given(official)
                .when(new RecordCaseFact(followUp))
                .expectEvents(followUp);
        fixture.given(official, followUp)
                .when(new RecordCaseFact(registration))
                .expectEvents(registration);
    }

    @Test
    void noUmbrellaWithTwoSignaturesAwaitsTheEndorsement() {
        UmbrellaFindingRecorded finding = finding(DISCIPLINE, 5, false);
        EndorsementRecorded second = signature(7, LEADER_IN_CHARGE, "wang");

        fixture.given(registration(0, "530600"), finding,
                        new CaseClosureChanged(CASE, Status.AWAITING_ENDORSEMENT, T.plusSeconds(5)),
                        signature(6, FOLLOW_UP_OFFICER, "li"))
                .when(new RecordCaseFact(second))
                .expectEvents(second);
    }

    @Test
    void onePersonSigningTwoRolesLeavesTheEndorsementIncomplete() {
        EndorsementRecorded third = signature(8, PRINCIPAL_LEADER, "li");

        fixture.given(registration(0, "530600"), finding(DISCIPLINE, 5, false),
                        new CaseClosureChanged(CASE, Status.AWAITING_ENDORSEMENT, T.plusSeconds(5)),
                        signature(6, FOLLOW_UP_OFFICER, "li"), signature(7, LEADER_IN_CHARGE, "wang"))
                .when(new RecordCaseFact(third))
                .expectEvents(third);
    }

    @Test
    void threeDistinctSignersCloseTheCaseEvenWhenTheySignedBeforeTheFinding() {
        UmbrellaFindingRecorded finding = finding(DISCIPLINE, 9, false);

        fixture.given(registration(0, "530600"), signature(2, FOLLOW_UP_OFFICER, "li"),
                        signature(3, LEADER_IN_CHARGE, "wang"), signature(4, PRINCIPAL_LEADER, "zhao"))
                .when(new RecordCaseFact(finding))
                .expectEvents(finding, new CaseClosureChanged(CASE, Status.CLOSED_NO_UMBRELLA, T.plusSeconds(9)));
    }

    @Test
    void aRetraceReopensAClosedCase() {
        RetraceRecorded retrace = new RetraceRecorded(CASE, assertion(DISCIPLINE, 20), "群众举报新线索");

        fixture.given(registration(0, "530600"), finding(DISCIPLINE, 5, false),
                        new CaseClosureChanged(CASE, Status.AWAITING_ENDORSEMENT, T.plusSeconds(5)),
                        signature(6, FOLLOW_UP_OFFICER, "li"), signature(7, LEADER_IN_CHARGE, "wang"),
                        signature(8, PRINCIPAL_LEADER, "zhao"),
                        new CaseClosureChanged(CASE, Status.CLOSED_NO_UMBRELLA, T.plusSeconds(8)))
                .when(new RecordCaseFact(retrace))
                .expectEvents(retrace, new CaseClosureChanged(CASE, Status.RETRACING, T.plusSeconds(20)));
    }

    @Test
    void aSecondRegistrationThatDisagreesIsAnAnomalyOnTheOneRecordedSecondEvenWhenItOccurredFirst() {
        GangCaseRegistrationRecorded first = registration(0, "530600");
        GangCaseRegistrationRecorded other = new GangCaseRegistrationRecorded(CASE, assertion(POLICE, -60),
                GangCaseType.EVIL_FORCE_GANG, "李某某恶势力团伙案", "530600");

        fixture.given(first)
                .when(new RecordCaseFact(other))
                .expectEvents(other, new CaseAnomalyRecorded(CASE, other.assertion().eventId(),
                        first.assertion().eventId(), CaseAnomalyKind.REGISTRATION_DISAGREES,
                        "立案登记为 MAFIA_TYPE_ORGANISATION 张某某等人涉黑组织案 @530600, "
                                + "此登记为 EVIL_FORCE_GANG 李某某恶势力团伙案 @530600"));
    }

    @Test
    void aSecondRegistrationThatAgreesIsARetryAndChangesNothing() {
        GangCaseRegistrationRecorded retry = new GangCaseRegistrationRecorded(CASE, assertion(POLICE, -60),
                GangCaseType.MAFIA_TYPE_ORGANISATION, "张某某等人涉黑组织案", "530602");

        fixture.given(registration(0, "530602"), finding(DISCIPLINE, 5, true),
                        new CaseClosureChanged(CASE, Status.UMBRELLA_FOUND, T.plusSeconds(5)))
                .when(new RecordCaseFact(retry))
                .expectEvents(retry);
    }

    @Test
    void anotherPrefecturesBackdatedRegistrationOfTheNumberLeavesTheCaseWithTheFirstRecordedOne() {
        GangCaseRegistrationRecorded zhaotong = registration(0, "530602");
        GangCaseRegistrationRecorded kunming = kunmingRegistration(-3600);
        UmbrellaFindingRecorded finding = finding(DISCIPLINE, 5, false);

        fixture.given(zhaotong, new GangCaseSolutionRecorded(CASE, assertion(POLICE, 1)), official(2),
                        new FollowUpRecorded(CASE, assertion(DISCIPLINE, 3), PERSON, OfficialRank.COUNTY_DIVISION),
                        finding, new CaseClosureChanged(CASE, Status.AWAITING_ENDORSEMENT, T.plusSeconds(5)),
                        signature(6, FOLLOW_UP_OFFICER, "li"), signature(7, LEADER_IN_CHARGE, "wang"),
                        signature(8, PRINCIPAL_LEADER, "zhao"),
                        new CaseClosureChanged(CASE, Status.CLOSED_NO_UMBRELLA, T.plusSeconds(8)))
                .when(new RecordCaseFact(kunming))
                .expectEvents(kunming, kunmingDisagrees(kunming, zhaotong));

        RetraceRecorded retrace = new RetraceRecorded(CASE, assertion(DISCIPLINE, 20), "群众举报新线索");
        fixture.given(zhaotong, kunming, kunmingDisagrees(kunming, zhaotong), finding,
                        new CaseClosureChanged(CASE, Status.AWAITING_ENDORSEMENT, T.plusSeconds(5)))
                .when(new RecordCaseFact(retrace))
                .expectEvents(retrace, new CaseClosureChanged(CASE, Status.RETRACING, T.plusSeconds(20)));
    }

    @Test
    void whenAnotherPrefecturesRegistrationIsRecordedFirstItCountsAndZhaotongsHasOnlyItsAnomaly() {
        GangCaseRegistrationRecorded kunming = kunmingRegistration(-3600);
        GangCaseRegistrationRecorded zhaotong = registration(0, "530602");
        CaseAnomalyRecorded zhaotongDisagrees = new CaseAnomalyRecorded(CASE, zhaotong.assertion().eventId(),
                kunming.assertion().eventId(), CaseAnomalyKind.REGISTRATION_DISAGREES,
                "立案登记为 MAFIA_TYPE_ORGANISATION 张某某等人涉黑组织案 @530102, "
                        + "此登记为 MAFIA_TYPE_ORGANISATION 张某某等人涉黑组织案 @530602");
        OfficialInvolvementRecorded zhaotongsOfficial = official(2);
        UmbrellaFindingRecorded kunmingsFinding = finding(KUNMING_DISCIPLINE, 5, true);

        fixture.given(kunming)
                .when(new RecordCaseFact(zhaotong))
                .expectEvents(zhaotong, zhaotongDisagrees);
        fixture.given(kunming, zhaotong, zhaotongDisagrees)
                .when(new RecordCaseFact(zhaotongsOfficial))
                .expectEvents(zhaotongsOfficial, new CaseAnomalyRecorded(CASE, zhaotongsOfficial.assertion().eventId(),
                        kunming.assertion().eventId(), CaseAnomalyKind.OUTSIDE_JURISDICTION,
                        "POLICE@530600 的管辖范围不含案件立案地 530102 (the case's jurisdiction lies outside the "
                                + "asserting agency's)"));
        fixture.given(kunming, zhaotong, zhaotongDisagrees)
                .when(new RecordCaseFact(kunmingsFinding))
                .expectEvents(kunmingsFinding, new CaseClosureChanged(CASE, Status.UMBRELLA_FOUND, T.plusSeconds(5)));
    }

    @Test
    void aCommissionOutsideTheCasesJurisdictionDoesNotCloseIt() {
        GangCaseRegistrationRecorded registration = registration(0, "530602");
        UmbrellaFindingRecorded stray = finding(ANOTHER_PREFECTURES_DISCIPLINE, 5, true);
        CaseAnomalyRecorded anomaly = new CaseAnomalyRecorded(CASE, stray.assertion().eventId(),
                registration.assertion().eventId(), CaseAnomalyKind.OUTSIDE_JURISDICTION,
                "DISCIPLINE@530700 的管辖范围不含案件立案地 530602 (the case's jurisdiction lies outside the asserting "
                        + "agency's)");

        fixture.given(registration)
                .when(new RecordCaseFact(stray))
                .expectEvents(stray, anomaly);
        fixture.given(stray, new CaseClosureChanged(CASE, Status.UMBRELLA_FOUND, T.plusSeconds(5)))
                .when(new RecordCaseFact(registration))
                .expectEvents(registration, anomaly, new CaseClosureChanged(CASE, Status.OPEN, null));
    }

    /** Kunming's police register Zhaotong's case number in a district of theirs, not seeing Zhaotong's number. */
    private static GangCaseRegistrationRecorded kunmingRegistration(int second) {
        return new GangCaseRegistrationRecorded(CASE, assertion(KUNMING_POLICE, second),
                GangCaseType.MAFIA_TYPE_ORGANISATION, "张某某等人涉黑组织案", "530102");
    }

    private static CaseAnomalyRecorded kunmingDisagrees(GangCaseRegistrationRecorded kunming,
                                                        GangCaseRegistrationRecorded zhaotong) {
        return new CaseAnomalyRecorded(CASE, kunming.assertion().eventId(), zhaotong.assertion().eventId(),
                CaseAnomalyKind.REGISTRATION_DISAGREES, "立案登记为 MAFIA_TYPE_ORGANISATION 张某某等人涉黑组织案 @530602, "
                + "此登记为 MAFIA_TYPE_ORGANISATION 张某某等人涉黑组织案 @530102");
    }

    private static OfficialInvolvementRecorded official(int second) {
        return new OfficialInvolvementRecorded(CASE, assertion(POLICE, second), PERSON, "张某某", "某县公安局副局长",
                OfficialRank.COUNTY_DIVISION, InvolvementRole.SUSPECTED_UMBRELLA);
    }

    private static GangCaseRegistrationRecorded registration(int second, String jurisdiction) {
        return new GangCaseRegistrationRecorded(CASE, assertion(POLICE, second),
                GangCaseType.MAFIA_TYPE_ORGANISATION, "张某某等人涉黑组织案", jurisdiction);
    }

    private static UmbrellaFindingRecorded finding(AgencyId commission, int second, boolean found) {
        return new UmbrellaFindingRecorded(CASE, assertion(commission, second), null, found, null);
    }

    private static EndorsementRecorded signature(int second, EndorsementRole role, String signer) {
        return new EndorsementRecorded(CASE, assertion(DISCIPLINE, second), role, signer, "签字人" + signer);
    }

    private static Assertion assertion(AgencyId agency, int second) {
        return new Assertion(UUID.randomUUID().toString(), agency, "officer-1", T.plusSeconds(second),
                T.plusSeconds(second + 5));
    }
}
