package org.clueexchange.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clueexchange.wire.ClueEventSamples.AT;

import org.clueexchange.events.Agency;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.ClueTransferred;
import org.junit.jupiter.api.Test;

class ClueEventValidatorTest {

    private final ClueTransferred transfer = ClueEventSamples.transfer("POLICE-530600-XS001", AT);

    @Test
    void wellFormedEventsPass() {
        assertThat(ClueEventValidator.violations(transfer)).isEmpty();
        assertThat(ClueEventValidator.violations(ClueEventSamples.receipt(transfer, AT))).isEmpty();
        assertThat(ClueEventValidator.violations(ClueEventSamples.acceptance(transfer, AT))).isEmpty();
    }

    @Test
    void eachViolationNamesItsField() {
        transfer.getEnvelope().setEventId("not-a-uuid");
        transfer.getEnvelope().setAssertedBy(new Agency(AgencyType.POLICE, "53060"));
        transfer.getEnvelope().setActor(" ");
        transfer.setReceiver(new Agency(AgencyType.POLICE, "530600"));

        assertThat(ClueEventValidator.violations(transfer)).containsExactly(
                "envelope.eventId: must be a lower-case UUID",
                "envelope.assertedBy.jurisdiction: '53060' is not a six-digit GB/T 2260 code",
                "envelope.actor: must not be blank",
                "receiver.type: a clue is transferred to the other kind of agency");
    }

    @Test
    void aDigestThatDoesNotMatchTheContentIsRefused() {
        transfer.getContent().setSummary("改过的摘要");

        assertThat(ClueEventValidator.violations(transfer)).containsExactly("contentDigest: does not match the content");
    }

    @Test
    void anAgencyOfATypeThisVersionDoesNotKnowIsRefused() {
        transfer.setReceiver(new Agency(AgencyType.UNKNOWN, "530600"));

        assertThat(ClueEventValidator.violations(transfer)).containsExactly("receiver.type: unknown agency type");
    }
}
