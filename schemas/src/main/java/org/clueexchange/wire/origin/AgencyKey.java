package org.clueexchange.wire.origin;

import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.clueexchange.events.AgencyType;
import org.clueexchange.wire.Jurisdictions;

/**
 * An agency's public signing key, as every reader of the exchange trusts it: whose it is (an agency type and the
 * jurisdictions it speaks for, each with everything inside it) and for which facts, by when the asserting adapter
 * accepted them ({@code publishedAt}). A key is rotated by giving it an end and its successor a start: facts
 * accepted before the end keep verifying under the old key, so a replay of the topics years later judges every fact
 * as it was judged when it arrived.
 *
 * @param validUntil the first instant the key no longer covers; none while it is current
 */
public record AgencyKey(String keyId, AgencyType agency, List<String> jurisdictions, PublicKey publicKey,
                        Instant validFrom, Instant validUntil) {

    public AgencyKey {
        jurisdictions = List.copyOf(jurisdictions);
        if (jurisdictions.isEmpty()) {
            throw new IllegalArgumentException("key " + keyId + " speaks for no jurisdiction");
        }
        jurisdictions.forEach(Jurisdictions::rangeOf);
        if (validUntil != null && !validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("key " + keyId + " ends at " + validUntil + ", not after its start "
                    + validFrom);
        }
    }

    /**
     * Why this key cannot sign a fact {@code agency} of {@code jurisdiction} asserted and its adapter accepted at
     * {@code publishedAt}, or none when it can.
     */
    public Optional<String> refusalFor(AgencyType asserter, String jurisdiction, Instant publishedAt) {
        if (asserter != agency) {
            return Optional.of("key " + keyId + " belongs to " + agency + ", but the fact is asserted by " + asserter);
        }
        if (jurisdictions.stream().noneMatch(scope -> Jurisdictions.isValid(jurisdiction)
                && Jurisdictions.liesWithin(jurisdiction, scope))) {
            return Optional.of("key " + keyId + " speaks for " + String.join(", ", jurisdictions)
                    + ", but the fact is asserted in " + jurisdiction);
        }
        if (publishedAt.isBefore(validFrom) || (validUntil != null && !publishedAt.isBefore(validUntil))) {
            return Optional.of("key " + keyId + " covers facts accepted from " + validFrom
                    + (validUntil == null ? "" : " until " + validUntil) + ", but the fact was accepted at "
                    + publishedAt);
        }
        return Optional.empty();
    }
}
