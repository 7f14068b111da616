package org.clueexchange.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.clueexchange.infrastructure.AgencyKeyring;
import org.clueexchange.infrastructure.EmbeddedKafkaBroker;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * What the embedded launcher runs by default, a broker of its own with the core and both adapters of Zhaotong fed
 * the sample scenario through the adapters' APIs, then the operator's replay of both topics: identical to the live
 * ledger.
 */
class SampleReplayIT {

    @Test
    void aReplayOfTheEmbeddedSampleIsIdenticalToTheLiveLedger() throws Exception {
        Path logs = Files.createTempDirectory("clue-exchange-sample-logs");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logs.resolve("kafka"), 0);
             ExchangeDeployment deployment = ExchangeDeployment.start(broker,
                     ExchangeInfrastructure.shared().postgres(), EmbeddedExchange.besideThisJar(),
                     new ExchangeDeployment.Ports(0, 0, 0), logs, "530600", "sample_", Map.of(), AgencyKeyring.of())) {
            SampleScenario.Outcome sample = new SampleScenario(deployment).run();

            ExchangeDeployment.CommandResult replay = OperatorReplay.assertIdentical(deployment, broker);

            assertThat(replay.output()).contains(String.format(" events, %,d clues;", sample.clueIds().size()));
        }
    }
}
