package org.clueexchange.core.ledger.command;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.clueexchange.core.ledger.messages.AgencyId;
import org.clueexchange.core.ledger.messages.Assertion;
import org.clueexchange.core.ledger.messages.ClueReceiptRecorded;
import org.clueexchange.core.ledger.messages.OutcomeTally;
import org.clueexchange.core.ledger.messages.TransferredClue;
import org.clueexchange.core.sla.ConfiguredSlaPolicy;
import org.clueexchange.core.sla.SlaProperties;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.AllegationCategory;
import org.clueexchange.events.ClueSource;
import org.clueexchange.events.OfficialRank;
import org.clueexchange.events.Outcome;
import org.clueexchange.events.Priority;
import org.clueexchange.events.ReceiptChannel;

/** The agencies, times, clue content and time limits the ledger entry's tests record facts with. */
final class LedgerEntrySamples {

    static final AgencyId POLICE = new AgencyId(AgencyType.POLICE, "530600");
    static final AgencyId DISCIPLINE = new AgencyId(AgencyType.DISCIPLINE, "530600");
    static final AgencyId OTHER_DISCIPLINE = new AgencyId(AgencyType.DISCIPLINE, "530700");
    /** Noon in Zhaotong (UTC+8). */
    static final Instant NOON = Instant.parse("2020-06-10T04:00:00Z");
    static final TransferredClue CLUE_CONTENT = new TransferredClue(ClueSource.OWN_DISCOVERY,
            AllegationCategory.PROTECTIVE_UMBRELLA, Priority.NORMAL,
            List.of(new TransferredClue.Subject("张某", "某县公安局", OfficialRank.TOWNSHIP_SECTION, "保护伞",
                    "c".repeat(64))), null,
            "为涉黑组织通风报信", List.of(), List.of(), "d".repeat(64));
    static final List<OutcomeTally> OUTCOMES = List.of(new OutcomeTally(Outcome.PARTY_DISCIPLINE, 1));
    /** The default limits. */
    static final SlaPolicy SLA = new ConfiguredSlaPolicy(new SlaProperties(
            new SlaProperties.Limits(null, null, null, null), Map.of(), Duration.ofSeconds(1),
                Duration.ofHours(24)));

    private LedgerEntrySamples() {
    }

    /** A fresh fixture per scenario: a fixture keeps the deadlines scheduled in earlier scenarios. */
    static AggregateTestFixture<TransferLedgerEntry> fixture() {
        AggregateTestFixture<TransferLedgerEntry> fixture = new AggregateTestFixture<>(TransferLedgerEntry.class);
        fixture.registerInjectableResource(SLA);
        return fixture;
    }

    /** 签收 through the exchange, of content with this digest. */
    static ClueReceiptRecorded receipt(String clueId, Assertion assertion, AgencyId sender, String contentDigest) {
        return new ClueReceiptRecorded(clueId, assertion, sender, contentDigest, ReceiptChannel.EXCHANGE, null,
                List.of());
    }

    /** 签收 on paper, of the clue the transfer letter numbers {@code senderCaseNumber}, holding no digest. */
    static ClueReceiptRecorded receiptOutside(String clueId, Assertion assertion, AgencyId sender,
                                              String senderCaseNumber) {
        return new ClueReceiptRecorded(clueId, assertion, sender, null, ReceiptChannel.OUTSIDE, senderCaseNumber,
                List.of("移送函.pdf"));
    }

    static Assertion assertion(AgencyId agency, Instant occurredAt) {
        return new Assertion(UUID.randomUUID().toString(), agency, "officer-1", occurredAt, occurredAt.plusSeconds(5));
    }
}
