package org.clueexchange.core.reconciliation.command;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.clueexchange.core.ledger.messages.AgencyId;
import org.clueexchange.core.ledger.messages.Assertion;
import org.clueexchange.core.reconciliation.messages.ConfirmStatement;
import org.clueexchange.core.reconciliation.messages.IssueStatement;
import org.clueexchange.core.reconciliation.messages.IssueResult;
import org.clueexchange.core.reconciliation.messages.PeriodRoot;
import org.clueexchange.core.reconciliation.messages.StatementConfirmationRefused;
import org.clueexchange.core.reconciliation.messages.StatementConfirmed;
import org.clueexchange.core.reconciliation.messages.StatementIssued;
import org.clueexchange.core.reconciliation.messages.ResolveStatementBreak;
import org.clueexchange.core.reconciliation.messages.StatementBreakResolved;
import org.clueexchange.events.AgencyType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReconciliationStatementTest {

    private static final String ID = "STATEMENT-530600-2020-06";
    private static final String DIGEST = "a".repeat(64);
    private static final String NEWER_DIGEST = "b".repeat(64);
    private static final Instant JULY_2 = Instant.parse("2020-07-02T02:00:00Z");
    private static final PeriodRoot ROOT = new PeriodRoot(1, "c".repeat(64), "0".repeat(64),
            "clue.discipline.events:0=2,clue.police.events:0=3", 4);
    private static final PeriodRoot NEWER_ROOT = new PeriodRoot(2, "d".repeat(64), ROOT.root(),
            "clue.discipline.events:0=2,clue.police.events:0=5", 1);
    private static final StatementIssued ISSUED = new StatementIssued(ID, "530600", "2020-06", 1,
            DIGEST, "{}", "officer-1", 120L, ROOT);

    private AggregateTestFixture<ReconciliationStatement> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(ReconciliationStatement.class);
    }

    @Test
    void theFirstIssueIsRevisionOne() {
        fixture.givenNoPriorActivity()
                .when(new IssueStatement(ID, "530600", "2020-06", DIGEST, "{}", "officer-1", 120, ROOT))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(IssueResult.ISSUED)
                .expectEvents(ISSUED);
    }

    /** The revision keeps the position it was drawn up at: what came after it is for the next statement. */
    @Test
    void reissuingWhatTheLedgerStillSaysChangesNothing() {
        fixture.given(ISSUED)
                .when(new IssueStatement(ID, "530600", "2020-06", DIGEST, "{}", "officer-2", 135, ROOT))
                .expectResultMessagePayload(IssueResult.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void aChangedLedgerIssuesANewRevisionThatNeedsFreshConfirmations() {
        fixture.given(ISSUED, confirmed(AgencyType.POLICE, "e1", 1, DIGEST))
                .when(new IssueStatement(ID, "530600", "2020-06", NEWER_DIGEST, "{\"x\":1}", "officer-1",
                        140, NEWER_ROOT))
                .expectEvents(new StatementIssued(ID, "530600", "2020-06", 2, NEWER_DIGEST, "{\"x\":1}",
                        "officer-1", 140L, NEWER_ROOT));
    }

    @Test
    void aRevisionIssuedBeforeTheLedgerHadPositionsIsFollowedByOneWithItsPosition() {
        fixture.given(new StatementIssued(ID, "530600", "2020-06", 1, DIGEST, "{}", "officer-1", null, null))
                .when(new IssueStatement(ID, "530600", "2020-06", NEWER_DIGEST, "{\"x\":1}", "officer-1",
                        140, NEWER_ROOT))
                .expectEvents(new StatementIssued(ID, "530600", "2020-06", 2, NEWER_DIGEST, "{\"x\":1}",
                        "officer-1", 140L, NEWER_ROOT));
    }

    @Test
    void eachAgencyConfirmsTheDigestItWasIssuedWith() {
        fixture.given(ISSUED)
                .when(new ConfirmStatement(ID, assertion(AgencyType.DISCIPLINE, "e2"), DIGEST, ROOT.root()))
                .expectEvents(confirmed(AgencyType.DISCIPLINE, "e2", 1, DIGEST));
    }

    @Test
    void aStatementBothAgenciesConfirmedIsNeverReissued() {
        fixture.given(ISSUED, confirmed(AgencyType.POLICE, "e1", 1, DIGEST),
                        confirmed(AgencyType.DISCIPLINE, "e2", 1, DIGEST))
                .when(new IssueStatement(ID, "530600", "2020-06", NEWER_DIGEST, "{\"x\":1}", "officer-1",
                        150, NEWER_ROOT))
                .expectResultMessagePayload(IssueResult.CONFIRMED)
                .expectNoEvents();
    }

    @Test
    void aConfirmationOfAnotherDigestIsRefusedWithTheReason() {
        fixture.given(ISSUED)
                .when(new ConfirmStatement(ID, assertion(AgencyType.POLICE, "e3"), NEWER_DIGEST, ROOT.root()))
                .expectEvents(new StatementConfirmationRefused(ID, NEWER_DIGEST,
                        assertion(AgencyType.POLICE, "e3"), "digest " + NEWER_DIGEST
                        + " is not that of revision 1 (" + DIGEST + ")", 1, DIGEST));
    }

    @Test
    void aConfirmationOfAnotherRootIsRefusedWithTheReason() {
        fixture.given(ISSUED)
                .when(new ConfirmStatement(ID, assertion(AgencyType.POLICE, "e7"), DIGEST, NEWER_ROOT.root()))
                .expectEvents(new StatementConfirmationRefused(ID, DIGEST, assertion(AgencyType.POLICE, "e7"),
                        "root " + NEWER_ROOT.root() + " is not that of revision 1 (" + ROOT.root() + ")", 1,
                        DIGEST));
    }

    /** A v1 confirmation names no root: the agency signed for the text, not for the facts of the window. */
    @Test
    void aConfirmationThatNamesNoRootIsRefused() {
        fixture.given(ISSUED)
                .when(new ConfirmStatement(ID, assertion(AgencyType.DISCIPLINE, "e8"), DIGEST, ""))
                .expectEvents(new StatementConfirmationRefused(ID, DIGEST, assertion(AgencyType.DISCIPLINE, "e8"),
                        "root (none) is not that of revision 1 (" + ROOT.root() + ")", 1, DIGEST));
    }

    @Test
    void aRevisionIssuedBeforeStatementsHadRootsIsConfirmedByItsDigestAlone() {
        fixture.given(new StatementIssued(ID, "530600", "2020-06", 1, DIGEST, "{}", "officer-1", 120L, null))
                .when(new ConfirmStatement(ID, assertion(AgencyType.POLICE, "e9"), DIGEST, ""))
                .expectEvents(confirmed(AgencyType.POLICE, "e9", 1, DIGEST));
    }

    @Test
    void aConfirmationOfAStatementNeverIssuedIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ConfirmStatement(ID, assertion(AgencyType.POLICE, "e4"), DIGEST, ROOT.root()))
                .expectEvents(new StatementConfirmationRefused(ID, DIGEST, assertion(AgencyType.POLICE, "e4"),
                        "statement " + ID + " has not been issued", 0, null));
    }

    @Test
    void anAgencyOfAnotherJurisdictionCannotConfirm() {
        Assertion outsider = new Assertion("e5", new AgencyId(AgencyType.POLICE, "530700"), "officer-9", JULY_2,
                JULY_2);
        fixture.given(ISSUED)
                .when(new ConfirmStatement(ID, outsider, DIGEST, ROOT.root()))
                .expectEvents(new StatementConfirmationRefused(ID, DIGEST, outsider,
                        "POLICE@530700 is not a party to the statement of 530600", 1, DIGEST));
    }

    @Test
    void anAgencyThatConfirmsTheSameRevisionAgainIsAnsweredAgain() {
        fixture.given(ISSUED, confirmed(AgencyType.POLICE, "e1", 1, DIGEST))
                .when(new ConfirmStatement(ID, assertion(AgencyType.POLICE, "e6"), DIGEST, ROOT.root()))
                .expectEvents(confirmed(AgencyType.POLICE, "e6", 1, DIGEST));
    }

    @Test
    void aRedeliveredConfirmationIsRecordedOnce() {
        fixture.given(ISSUED, confirmed(AgencyType.POLICE, "e1", 1, DIGEST))
                .when(new ConfirmStatement(ID, assertion(AgencyType.POLICE, "e1"), DIGEST, ROOT.root()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aBreakIsResolvedWithANote() {
        fixture.given(ISSUED)
                .when(new ResolveStatementBreak(ID, "POLICE-530600-A1", "SENT_NOT_RECEIVED",
                        "纸质材料已于7月1日补送", "officer-3"))
                .expectEvents(new StatementBreakResolved(ID, "POLICE-530600-A1", "SENT_NOT_RECEIVED",
                        "纸质材料已于7月1日补送", "officer-3"));
    }

    private static StatementConfirmed confirmed(AgencyType agency, String eventId, int revision,
                                                       String digest) {
        return new StatementConfirmed(ID, revision, digest, assertion(agency, eventId));
    }

    private static Assertion assertion(AgencyType agency, String eventId) {
        return new Assertion(eventId, new AgencyId(agency, "530600"), "officer-" + agency, JULY_2, JULY_2);
    }
}
