package org.clueexchange.adapter.received;

import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;

/**
 * A fact of the other agency, or the core's answer to a confirmation of this adapter's agency, that concerns one of
 * this adapter's jurisdictions; its sequence is a cursor.
 */
public record ReceivedFact(long sequence, String eventId, String clueId, String concernsJurisdiction,
                           SpecificRecord event, Instant receivedAt) {
}
