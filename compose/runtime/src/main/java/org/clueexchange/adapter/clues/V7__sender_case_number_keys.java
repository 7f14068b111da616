package org.clueexchange.adapter.clues;

import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.wire.ClueEventCodec;
import org.clueexchange.wire.SenderCaseNumbers;
import org.clueexchange.wire.UndecodableEventException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Keys the facts kept before V6 by the sender's case number they name, as the adapter keys every fact it keeps
 * since: the number lies inside each fact's Avro payload, which only the contract reads, so no SQL migration can.
 * Flyway runs it after V6 as the migration Spring finds it to be; its name is Flyway's version and description.
 */
@Component
class V7__sender_case_number_keys extends BaseJavaMigration {

    private static final int BATCH = 500;
    private static final List<String> TABLES = List.of("outbox_fact", "received_fact");

    private final ClueEventCodec codec;

    V7__sender_case_number_keys(ClueEventCodec codec) {
        this.codec = codec;
    }

    @Override
    public void migrate(Context context) {
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true));
        // Only transfers: receipts named no sender's case number before V6.
        for (String table : TABLES) {
            long after = 0;
            List<Fact> facts;
            do {
                facts = jdbc.sql("SELECT sequence, payload FROM " + table + " WHERE sequence > :after "
                                + "AND event_type = 'ClueTransferred' ORDER BY sequence LIMIT :batch")
                        .param("after", after).param("batch", BATCH)
                        .query((rs, i) -> new Fact(rs.getLong("sequence"), rs.getBytes("payload"))).list();
                for (Fact fact : facts) {
                    key(fact.payload()).ifPresent(key -> jdbc.sql("UPDATE " + table
                                    + " SET sender_case_number_key = :key WHERE sequence = :sequence")
                            .param("key", key).param("sequence", fact.sequence()).update());
                    after = fact.sequence();
                }
            } while (facts.size() == BATCH);
        }
    }

    private Optional<String> key(byte[] payload) {
        try {
            SpecificRecord event = codec.decode(payload);
            return SenderCaseNumbers.of(event).map(SenderCaseNumbers::key);
        } catch (UndecodableEventException e) {
            throw new IllegalStateException("a stored fact no longer decodes", e);
        }
    }

    private record Fact(long sequence, byte[] payload) {
    }
}
