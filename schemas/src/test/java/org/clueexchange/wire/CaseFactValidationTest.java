package org.clueexchange.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clueexchange.wire.ClueEventSamples.AT;
import static org.clueexchange.wire.ClueEventSamples.ZHAOTONG_POLICE;
import static org.clueexchange.wire.ClueEventValidatorTest.VALIDATOR;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.events.Agency;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.FollowUpOpened;
import org.clueexchange.events.GangCaseRegistered;
import org.clueexchange.events.OfficialInvolved;
import org.clueexchange.events.UmbrellaFindingMade;
import org.junit.jupiter.api.Test;

/** The rules of the facts about a gang case (ClueEventValidator.caseFact), each violation naming its field. */
class CaseFactValidationTest {

    private static final String CASE = "昭公（刑）立字〔2020〕123号";

    @Test
    void everyCaseFactOfTheSamplesIsWellFormed() {
        for (SpecificRecord fact : caseFacts()) {
            assertThat(VALIDATOR.violations(fact)).as(ClueEvents.typeOf(fact)).isEmpty();
            assertThat(ClueEvents.caseNumberOf(fact)).isEqualTo(CASE);
        }
    }

    @Test
    void eachAgencyAssertsOnlyItsOwnCaseFacts() {
        for (SpecificRecord fact : caseFacts()) {
            Agency asserter = ClueEvents.envelopeOf(fact).getAssertedBy();
            AgencyType owner = asserter.getType();
            ClueEvents.envelopeOf(fact).setAssertedBy(new Agency(owner == AgencyType.POLICE ? AgencyType.DISCIPLINE
                    : AgencyType.POLICE, asserter.getJurisdiction()));

            assertThat(VALIDATOR.violations(fact)).as(ClueEvents.typeOf(fact)).containsExactly(
                    "envelope.assertedBy.type: " + ClueEvents.typeOf(fact) + " is asserted by " + owner + " only");
        }
    }

    @Test
    void theEnvelopeIsKeyedByTheCaseNumberWhichHasTheCharactersOfAnId() {
        OfficialInvolved involvement = ClueEventSamples.officialInvolved(CASE, AT);
        involvement.getEnvelope().setClueId("POLICE-530600-XS001");
        GangCaseRegistered spaced = ClueEventSamples.gangCase("刑事 2020 123", AT);
        GangCaseRegistered tooLong = ClueEventSamples.gangCase("X".repeat(ContractLimits.CASE_NUMBER + 1), AT);

        assertThat(VALIDATOR.violations(involvement)).containsExactly("envelope.clueId: must be the case number");
        assertThat(VALIDATOR.violations(spaced)).containsExactly("envelope.clueId: " + ClueEvents.CLUE_ID_RULE,
                "caseNumber: must be 1-64 " + ClueEvents.ID_CHARACTERS_RULE + ", starting with a letter or digit");
        assertThat(VALIDATOR.violations(tooLong)).containsExactly("caseNumber: must be 1-64 "
                + ClueEvents.ID_CHARACTERS_RULE + ", starting with a letter or digit");
    }

    @Test
    void anOfficialIsNamedByAPersonKeyNeverByTheIdNumber() {
        OfficialInvolved byNumber = ClueEventSamples.officialInvolved(CASE, AT);
        byNumber.setPersonKey("530602198001011234");
        FollowUpOpened upperCase = ClueEventSamples.followUp(CASE, AT);
        upperCase.setPersonKey("A".repeat(64));
        UmbrellaFindingMade shortKey = ClueEventSamples.umbrellaFound(CASE, AT);
        shortKey.setPersonKey("a".repeat(63));

        for (SpecificRecord fact : List.of(byNumber, upperCase, shortKey)) {
            assertThat(VALIDATOR.violations(fact)).as(ClueEvents.typeOf(fact))
                    .containsExactly("personKey: " + PersonKeys.RULE);
        }
    }

    @Test
    void aFollowUpRecordsARankExactlyWhenItNamesAnOfficial() {
        FollowUpOpened rankWithoutOfficial = ClueEventSamples.followUp(CASE, AT);
        rankWithoutOfficial.setPersonKey(null);
        FollowUpOpened officialWithoutRank = ClueEventSamples.followUp(CASE, AT);
        officialWithoutRank.setRank(null);
        FollowUpOpened ofTheCase = ClueEventSamples.followUp(CASE, AT);
        ofTheCase.setPersonKey(null);
        ofTheCase.setRank(null);

        assertThat(VALIDATOR.violations(rankWithoutOfficial))
                .containsExactly("rank: only the follow-up of an official records a rank");
        assertThat(VALIDATOR.violations(officialWithoutRank))
                .containsExactly("rank: the follow-up of an official records their rank");
        assertThat(VALIDATOR.violations(ofTheCase)).isEmpty();
    }

    @Test
    void onlyAFindingOnAnOfficialRecordsWhatWasDoneAboutThem() {
        UmbrellaFindingMade onTheCase = ClueEventSamples.umbrellaFound(CASE, AT);
        onTheCase.setPersonKey(null);
        UmbrellaFindingMade noUmbrella = ClueEventSamples.umbrellaFound(CASE, AT);
        noUmbrella.setPersonKey(null);
        noUmbrella.setOutcome(null);
        noUmbrella.setUmbrellaFound(false);

        assertThat(VALIDATOR.violations(onTheCase))
                .containsExactly("outcome: only a finding on an official records what was done about them");
        assertThat(VALIDATOR.violations(noUmbrella)).isEmpty();
    }

    @Test
    void aCaseBelongsToTheRegisteringAgencysJurisdictionOrOneInsideIt() {
        GangCaseRegistered elsewhere = ClueEventSamples.gangCase(CASE, AT);
        elsewhere.setJurisdiction("530100");
        GangCaseRegistered noCode = ClueEventSamples.gangCase(CASE, AT);
        noCode.setJurisdiction("53060");
        GangCaseRegistered own = ClueEventSamples.gangCase(CASE, AT);
        own.setJurisdiction(ZHAOTONG_POLICE.getJurisdiction());

        assertThat(VALIDATOR.violations(elsewhere))
                .containsExactly("jurisdiction: lies outside the registering agency's jurisdiction 530600");
        assertThat(VALIDATOR.violations(noCode))
                .containsExactly("jurisdiction: '53060' is not a six-digit GB/T 2260 code");
        assertThat(VALIDATOR.violations(own)).isEmpty();
    }

    @Test
    void textsOfCaseFactsAreWithinTheirLimitsAndHoldNoControlCharacter() {
        GangCaseRegistered longName = ClueEventSamples.gangCase(CASE, AT);
        longName.setCaseName("案".repeat(ContractLimits.CASE_NAME + 1));
        OfficialInvolved controlled = ClueEventSamples.officialInvolved(CASE, AT);
        controlled.setName("王\u0000某");

        assertThat(VALIDATOR.violations(longName)).hasSize(1).allMatch(violation -> violation.startsWith("caseName"));
        assertThat(VALIDATOR.violations(controlled)).hasSize(1).allMatch(violation -> violation.startsWith("name"));
    }

    private static List<SpecificRecord> caseFacts() {
        return List.of(ClueEventSamples.gangCase(CASE, AT), ClueEventSamples.solved(CASE, AT),
                ClueEventSamples.officialInvolved(CASE, AT), ClueEventSamples.followUp(CASE, AT),
                ClueEventSamples.check(CASE, AT), ClueEventSamples.umbrellaFound(CASE, AT),
                ClueEventSamples.endorsement(CASE, AT), ClueEventSamples.retrace(CASE, AT));
    }

}
