package org.clueexchange.core.reconciliation.roots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.clueexchange.core.origin.OriginConfiguration;
import org.clueexchange.events.Agency;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.ClueReceived;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.subscription.FactAdmission;
import org.clueexchange.wire.ClueEventSamples;
import org.clueexchange.wire.ExchangeTopics;
import org.clueexchange.wire.TimeBounds;
import org.clueexchange.wire.origin.FactTree;
import org.clueexchange.wire.origin.OriginVerifier;
import org.junit.jupiter.api.Test;

class PeriodWindowTest {

    private static final HexFormat HEX = HexFormat.of();

    private final SignedFacts zhaotong = new SignedFacts("530600");
    private final FactAdmission admission = OriginConfiguration.admission(Clock.systemUTC(),
            TimeBounds.DEFAULT_CLOCK_SKEW, new OriginVerifier(zhaotong.keys()));

    @Test
    void theRootIsTheTreeOfThePreviousRootAndTheJurisdictionsFactsInTopicPartitionOffsetOrder() {
        ClueTransferred transfer = ClueEventSamples.transfer("A1", ClueEventSamples.AT);
        ClueReceived receipt = ClueEventSamples.receipt(transfer, ClueEventSamples.AT.plusSeconds(60));
        ClueTransferred kunmings = ClueTransferred.newBuilder(ClueEventSamples.transfer("K1", ClueEventSamples.AT))
                .setEnvelope(ClueEventSamples.envelope("K1", new Agency(AgencyType.POLICE, "530100"),
                        ClueEventSamples.AT)).build();
        TopicLog log = new TopicLog();
        AgencyRecord sent = log.append(zhaotong.sign(AgencyType.POLICE, List.of(transfer)).get(0));
        AgencyRecord garbage = new AgencyRecord(ExchangeTopics.POLICE_EVENTS, 0, 1, 0L, "A1",
                new byte[] {(byte) 0xC3, 0x01, 7}, List.<RecordHeader>of());
        log.append(zhaotong.sign(AgencyType.POLICE, List.of(kunmings)));
        AgencyRecord received = log.append(zhaotong.sign(AgencyType.DISCIPLINE, List.of(receipt)).get(0));
        String previous = "ab".repeat(32);

        PeriodWindow window = new PeriodWindow("530600", previous, Cut.START, log.cut());
        assertThat(window.take(received, admission.admit(received.consumerRecord()))).isTrue();
        assertThat(window.take(sent, admission.admit(sent.consumerRecord()))).isTrue();
        assertThat(window.take(garbage, admission.admit(garbage.consumerRecord()))).as("no fact").isFalse();

        assertThat(window.root()).isEqualTo(HEX.formatHex(FactTree.root(List.of(
                FactTree.leafHash(HEX.parseHex(previous)), FactTree.leafHash(received.value()),
                FactTree.leafHash(sent.value())))));
        assertThat(window.facts()).extracting(PeriodWindow.Fact::position, PeriodWindow.Fact::leaf)
                .containsExactly(tuple("clue.discipline.events/0/0", 1),
                        tuple("clue.police.events/0/0", 2));
        assertThatThrownBy(() -> window.take(sent, admission.admit(sent.consumerRecord())))
                .hasMessageContaining("(topic, partition, offset) order");
    }

    @Test
    void aFactOfAnotherJurisdictionOrOutsideTheCutsDoesNotCount() {
        ClueTransferred kunmings = ClueTransferred.newBuilder(ClueEventSamples.transfer("K1", ClueEventSamples.AT))
                .setEnvelope(ClueEventSamples.envelope("K1", new Agency(AgencyType.POLICE, "530100"),
                        ClueEventSamples.AT)).build();
        TopicLog log = new TopicLog();
        AgencyRecord kunming = log.append(zhaotong.sign(AgencyType.POLICE, List.of(kunmings)).get(0));
        Cut first = log.cut();
        AgencyRecord later = log.append(zhaotong.sign(AgencyType.POLICE,
                List.of(ClueEventSamples.transfer("A2", ClueEventSamples.AT))).get(0));

        PeriodWindow province = new PeriodWindow("530000", PeriodWindow.FIRST_PREVIOUS_ROOT, Cut.START, first);
        assertThat(province.take(kunming, admission.admit(kunming.consumerRecord()))).as("within Yunnan").isTrue();
        PeriodWindow zhaotongs = new PeriodWindow("530600", PeriodWindow.FIRST_PREVIOUS_ROOT, Cut.START, first);
        assertThat(zhaotongs.take(kunming, admission.admit(kunming.consumerRecord()))).isFalse();
        assertThat(zhaotongs.covers(later)).isFalse();
        assertThatThrownBy(() -> zhaotongs.take(later, admission.admit(later.consumerRecord())))
                .hasMessageContaining("outside the window");
        assertThat(new PeriodWindow("530600", PeriodWindow.FIRST_PREVIOUS_ROOT, first, log.cut()).covers(later))
                .isTrue();
    }

    @Test
    void aCutReadsBackFromItsTextAndNeverGoesBack() {
        Cut cut = Cut.parse("clue.police.events:1=5,clue.discipline.events:0=12,clue.police.events:0=30");
        assertThat(cut.text()).isEqualTo("clue.discipline.events:0=12,clue.police.events:0=30,clue.police.events:1=5");
        assertThat(cut.end("clue.police.events", 1)).isEqualTo(5);
        assertThat(cut.end("clue.police.events", 2)).as("not written yet").isZero();
        assertThat(cut.follows(Cut.START)).isTrue();
        assertThat(Cut.parse("clue.police.events:0=29").follows(cut)).isFalse();
        assertThat(Cut.parse("")).isEqualTo(Cut.START);
        assertThatThrownBy(() -> Cut.parse("clue.police.events:0=1,clue.police.events:0=2"))
                .hasMessageContaining("cut twice");
        assertThatThrownBy(() -> Cut.parse("clue.police.events:0=-1")).hasMessageContaining("not topic:partition");
        assertThatThrownBy(() -> Cut.parse("clue.police.events:0=1\u0000")).hasMessageContaining("not topic");
    }
}
