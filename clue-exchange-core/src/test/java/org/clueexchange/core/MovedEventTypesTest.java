package org.clueexchange.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.clueexchange.core.ledger.SlaClock;
import org.clueexchange.core.ledger.messages.SlaClockStarted;
import org.clueexchange.core.reconciliation.messages.PeriodRoot;
import org.clueexchange.core.reconciliation.messages.StatementBreakResolved;
import org.clueexchange.core.reconciliation.messages.StatementIssued;
import org.junit.jupiter.api.Test;

class MovedEventTypesTest {

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())).build();

    @Test
    void anEventStoredUnderItsFormerClassNameIsReadAsTheClassItIsNow() {
        SlaClockStarted started = new SlaClockStarted("POLICE-530600-XS001", SlaClock.PICK_UP,
                "3f2b8c1e-0a4d-4b7e-9c6f-2d1e0f9a8b7c", Instant.parse("2020-06-11T04:00:00Z"));
        StatementBreakResolved resolved = new StatementBreakResolved("STATEMENT-530600-2020-06",
                "POLICE-530600-XS001", "SENT_NOT_RECEIVED", "已补签收", "ZTJW-0042");

        assertThat(readBack(started, "org.clueexchange.core.ledger.SlaClockStarted")).isEqualTo(started);
        assertThat(readBack(resolved, "org.clueexchange.core.reconciliation.monthly.StatementBreakResolved"))
                .isEqualTo(resolved);
        assertThat(readBack(resolved, "org.clueexchange.core.reconciliation.monthly.messages.StatementBreakResolved"))
                .isEqualTo(resolved);
    }

    @Test
    void aMonthlyStatementsEventsAreReadAsThoseOfEveryCadencesStatement() {
        StatementIssued issued = new StatementIssued("STATEMENT-530600-2020-06", "530600", "2020-06", 2,
                "a".repeat(64), "{}", "ZTJW-0042", 120L, new PeriodRoot(3, "b".repeat(64), "c".repeat(64),
                "clue.police.events:0=7", 5));

        assertThat(readBack(issued, "org.clueexchange.core.reconciliation.monthly.messages.MonthlyStatementIssued"))
                .isEqualTo(issued);
        assertThat(readBack(issued, "org.clueexchange.core.reconciliation.monthly.MonthlyStatementIssued"))
                .isEqualTo(issued);
    }

    @Test
    void everyFormerNameLeadsToAClassThatExists() throws ClassNotFoundException {
        for (String current : MovedEventTypes.MOVED.values()) {
            assertThat(Class.forName(current)).isNotNull();
        }
    }

    /** {@code event} as written under {@code formerName}, then read through the upcaster. */
    private static Object readBack(Object event, String formerName) {
        SerializedObject<byte[]> written = SERIALIZER.serialize(event, byte[].class);
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("TransferLedgerEntry",
                "POLICE-530600-XS001", 0, "6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", Instant.now(), formerName, null,
                written.getData(), SERIALIZER.serialize(org.axonframework.messaging.MetaData.emptyInstance(),
                byte[].class).getData());
        List<IntermediateEventRepresentation> upcast = new MovedEventTypes()
                .upcast(Stream.of(new InitialEventRepresentation(stored, SERIALIZER))).toList();
        return SERIALIZER.deserialize(upcast.get(0).getData());
    }
}
