package org.clueexchange.core.reconciliation.monthly.command;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.clueexchange.core.ledger.messages.AgencyId;
import org.clueexchange.core.ledger.messages.Assertion;
import org.clueexchange.core.reconciliation.monthly.messages.ConfirmMonthlyStatement;
import org.clueexchange.core.reconciliation.monthly.messages.IssueMonthlyStatement;
import org.clueexchange.core.reconciliation.monthly.messages.IssueResult;
import org.clueexchange.core.reconciliation.monthly.messages.MonthlyStatementConfirmationRefused;
import org.clueexchange.core.reconciliation.monthly.messages.MonthlyStatementConfirmed;
import org.clueexchange.core.reconciliation.monthly.messages.MonthlyStatementIssued;
import org.clueexchange.core.reconciliation.monthly.messages.ResolveStatementBreak;
import org.clueexchange.core.reconciliation.monthly.messages.StatementBreakResolved;
import org.clueexchange.core.reconciliation.monthly.statement.BreakCategory;
import org.clueexchange.events.AgencyType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MonthlyStatementTest {

    private static final String ID = "STATEMENT-530600-2020-06";
    private static final String DIGEST = "a".repeat(64);
    private static final String NEWER_DIGEST = "b".repeat(64);
    private static final Instant JULY_2 = Instant.parse("2020-07-02T02:00:00Z");
    private static final MonthlyStatementIssued ISSUED = new MonthlyStatementIssued(ID, "530600", "2020-06", 1,
            DIGEST, "{}", "officer-1", 120L);

    private AggregateTestFixture<MonthlyStatement> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(MonthlyStatement.class);
    }

    @Test
    void theFirstIssueIsRevisionOne() {
        fixture.givenNoPriorActivity()
                .when(new IssueMonthlyStatement(ID, "530600", "2020-06", DIGEST, "{}", "officer-1", 120))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(IssueResult.ISSUED)
                .expectEvents(ISSUED);
    }

    /** The revision keeps the position it was drawn up at: what came after it is for the next statement. */
    @Test
    void reissuingWhatTheLedgerStillSaysChangesNothing() {
        fixture.given(ISSUED)
                .when(new IssueMonthlyStatement(ID, "530600", "2020-06", DIGEST, "{}", "officer-2", 135))
                .expectResultMessagePayload(IssueResult.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void aChangedLedgerIssuesANewRevisionThatNeedsFreshConfirmations() {
        fixture.given(ISSUED, confirmed(AgencyType.POLICE, "e1", 1, DIGEST))
                .when(new IssueMonthlyStatement(ID, "530600", "2020-06", NEWER_DIGEST, "{\"x\":1}", "officer-1",
                        140))
                .expectEvents(new MonthlyStatementIssued(ID, "530600", "2020-06", 2, NEWER_DIGEST, "{\"x\":1}",
                        "officer-1", 140L));
    }

    @Test
    void aRevisionIssuedBeforeTheLedgerHadPositionsIsFollowedByOneWithItsPosition() {
        fixture.given(new MonthlyStatementIssued(ID, "530600", "2020-06", 1, DIGEST, "{}", "officer-1", null))
                .when(new IssueMonthlyStatement(ID, "530600", "2020-06", NEWER_DIGEST, "{\"x\":1}", "officer-1",
                        140))
                .expectEvents(new MonthlyStatementIssued(ID, "530600", "2020-06", 2, NEWER_DIGEST, "{\"x\":1}",
                        "officer-1", 140L));
    }

    @Test
    void eachAgencyConfirmsTheDigestItWasIssuedWith() {
        fixture.given(ISSUED)
                .when(new ConfirmMonthlyStatement(ID, assertion(AgencyType.DISCIPLINE, "e2"), DIGEST))
                .expectEvents(confirmed(AgencyType.DISCIPLINE, "e2", 1, DIGEST));
    }

    @Test
    void aStatementBothAgenciesConfirmedIsNeverReissued() {
        fixture.given(ISSUED, confirmed(AgencyType.POLICE, "e1", 1, DIGEST),
                        confirmed(AgencyType.DISCIPLINE, "e2", 1, DIGEST))
                .when(new IssueMonthlyStatement(ID, "530600", "2020-06", NEWER_DIGEST, "{\"x\":1}", "officer-1",
                        150))
                .expectResultMessagePayload(IssueResult.CONFIRMED)
                .expectNoEvents();
    }

    @Test
    void aConfirmationOfAnotherDigestIsRefusedWithTheReason() {
        fixture.given(ISSUED)
                .when(new ConfirmMonthlyStatement(ID, assertion(AgencyType.POLICE, "e3"), NEWER_DIGEST))
                .expectEvents(new MonthlyStatementConfirmationRefused(ID, NEWER_DIGEST,
                        assertion(AgencyType.POLICE, "e3"), "digest " + NEWER_DIGEST
                        + " is not that of revision 1 (" + DIGEST + ")", 1, DIGEST));
    }

    @Test
    void aConfirmationOfAStatementNeverIssuedIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ConfirmMonthlyStatement(ID, assertion(AgencyType.POLICE, "e4"), DIGEST))
                .expectEvents(new MonthlyStatementConfirmationRefused(ID, DIGEST, assertion(AgencyType.POLICE, "e4"),
                        "statement " + ID + " has not been issued", 0, null));
    }

    @Test
    void anAgencyOfAnotherJurisdictionCannotConfirm() {
        Assertion outsider = new Assertion("e5", new AgencyId(AgencyType.POLICE, "530700"), "officer-9", JULY_2,
                JULY_2);
        fixture.given(ISSUED)
                .when(new ConfirmMonthlyStatement(ID, outsider, DIGEST))
                .expectEvents(new MonthlyStatementConfirmationRefused(ID, DIGEST, outsider,
                        "POLICE@530700 is not a party to the statement of 530600", 1, DIGEST));
    }

    @Test
    void anAgencyThatConfirmsTheSameRevisionAgainIsAnsweredAgain() {
        fixture.given(ISSUED, confirmed(AgencyType.POLICE, "e1", 1, DIGEST))
                .when(new ConfirmMonthlyStatement(ID, assertion(AgencyType.POLICE, "e6"), DIGEST))
                .expectEvents(confirmed(AgencyType.POLICE, "e6", 1, DIGEST));
    }

    @Test
    void aRedeliveredConfirmationIsRecordedOnce() {
        fixture.given(ISSUED, confirmed(AgencyType.POLICE, "e1", 1, DIGEST))
                .when(new ConfirmMonthlyStatement(ID, assertion(AgencyType.POLICE, "e1"), DIGEST))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aBreakIsResolvedWithANote() {
        fixture.given(ISSUED)
                .when(new ResolveStatementBreak(ID, "POLICE-530600-A1", BreakCategory.SENT_NOT_RECEIVED,
                        "纸质材料已于7月1日补送", "officer-3"))
                .expectEvents(new StatementBreakResolved(ID, "POLICE-530600-A1", BreakCategory.SENT_NOT_RECEIVED,
                        "纸质材料已于7月1日补送", "officer-3"));
    }

    private static MonthlyStatementConfirmed confirmed(AgencyType agency, String eventId, int revision,
                                                       String digest) {
        return new MonthlyStatementConfirmed(ID, revision, digest, assertion(agency, eventId));
    }

    private static Assertion assertion(AgencyType agency, String eventId) {
        return new Assertion(eventId, new AgencyId(agency, "530600"), "officer-" + agency, JULY_2, JULY_2);
    }
}
