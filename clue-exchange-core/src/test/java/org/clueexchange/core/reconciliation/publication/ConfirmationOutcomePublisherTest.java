package org.clueexchange.core.reconciliation.publication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.clueexchange.core.ledger.messages.AgencyId;
import org.clueexchange.core.ledger.messages.Assertion;
import org.clueexchange.core.reconciliation.messages.StatementConfirmationRefused;
import org.clueexchange.core.reconciliation.messages.StatementConfirmed;
import org.clueexchange.events.Agency;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.ConfirmationOutcome;
import org.clueexchange.events.StatementConfirmationRecorded;
import org.clueexchange.wire.ClueEventCodec;
import org.clueexchange.wire.ClueEventValidator;
import org.clueexchange.wire.TimeBounds;
import org.junit.jupiter.api.Test;

class ConfirmationOutcomePublisherTest {

    private static final String STATEMENT = "STATEMENT-530600-2020-06";
    private static final String DIGEST = "a".repeat(64);
    private static final String OTHER_DIGEST = "b".repeat(64);
    private static final Instant JULY_2 = Instant.parse("2020-07-02T02:00:00Z");
    private static final ClueEventValidator VALIDATOR =
            new ClueEventValidator(new TimeBounds(Clock.systemUTC(), TimeBounds.DEFAULT_CLOCK_SKEW));
    private static final ClueEventCodec CODEC = ClueEventCodec.create();

    private final String eventId = UUID.randomUUID().toString();
    private final Assertion confirmation = new Assertion(UUID.randomUUID().toString(),
            new AgencyId(AgencyType.DISCIPLINE, "530600"), "ZTJW-DZ-01", JULY_2, JULY_2);

    @Test
    void aConfirmationTheStatementCountedIsAnsweredConfirmedForItsRevision() {
        StatementConfirmationRecorded answer = ConfirmationOutcomePublisher.confirmed(
                new StatementConfirmed(STATEMENT, 2, DIGEST, confirmation), eventId, JULY_2.plusSeconds(5));

        assertThat(answer).isEqualTo(new StatementConfirmationRecorded(eventId, STATEMENT,
                ConfirmationOutcome.CONFIRMED, new Agency(AgencyType.DISCIPLINE, "530600"), confirmation.eventId(),
                DIGEST, null, 2, DIGEST, JULY_2.plusSeconds(5)));
        assertThat(VALIDATOR.violations(answer)).isEmpty();
    }

    @Test
    void aRefusedConfirmationIsAnsweredWithTheReasonAndTheRevisionItWasJudgedAgainst() {
        StatementConfirmationRecorded answer = ConfirmationOutcomePublisher.refused(
                new StatementConfirmationRefused(STATEMENT, OTHER_DIGEST, confirmation, "digest "
                        + OTHER_DIGEST + " is not that of revision 1 (" + DIGEST + ")", 1, DIGEST), eventId, JULY_2);

        assertThat(answer.getOutcome()).isEqualTo(ConfirmationOutcome.REFUSED);
        assertThat(answer.getConfirmedDigest()).isEqualTo(OTHER_DIGEST);
        assertThat(answer.getReason()).isEqualTo("digest " + OTHER_DIGEST + " is not that of revision 1 (" + DIGEST
                + ")");
        assertThat(answer.getRevision()).isEqualTo(1);
        assertThat(answer.getStatementDigest()).isEqualTo(DIGEST);
        assertThat(answer.getConfirmationEventId()).isEqualTo(confirmation.eventId());
        assertThat(VALIDATOR.violations(answer)).isEmpty();
    }

    @Test
    void theSameEventIsAlwaysTheSameRecord() {
        StatementConfirmed event = new StatementConfirmed(STATEMENT, 1, DIGEST, confirmation);

        assertThat(CODEC.encode(ConfirmationOutcomePublisher.confirmed(event, eventId, JULY_2)))
                .isEqualTo(CODEC.encode(ConfirmationOutcomePublisher.confirmed(event, eventId, JULY_2)));
    }

    @Test
    void aRefusalStoredBeforeTheRevisionWasKeptWithItIsAnsweredAsOfNoRevision() throws Exception {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        String stored = json.writeValueAsString(new StatementConfirmationRefused(STATEMENT, OTHER_DIGEST,
                confirmation, "statement " + STATEMENT + " has not been issued", 0, null))
                .replace(",\"revision\":0,\"statementDigest\":null", "");

        StatementConfirmationRecorded answer = ConfirmationOutcomePublisher.refused(
                json.readValue(stored, StatementConfirmationRefused.class), eventId, JULY_2);

        assertThat(stored).doesNotContain("revision");
        assertThat(answer.getRevision()).isZero();
        assertThat(answer.getStatementDigest()).isNull();
        assertThat(VALIDATOR.violations(answer)).isEmpty();
    }
}
