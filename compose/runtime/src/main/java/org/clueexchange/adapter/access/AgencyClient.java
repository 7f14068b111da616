package org.clueexchange.adapter.access;

import java.net.URI;
import java.util.List;
import org.clueexchange.api.RequestRefusedException;
import org.clueexchange.wire.Jurisdictions;

/**
 * A system of the agency (a case system, a clue management system) allowed to call its adapter, and the
 * jurisdictions it may act for: each a county, prefecture or province code, covering everything inside it.
 *
 * @param tokenSha256 lower-case hex SHA-256 of the client's bearer token; the token itself is never stored
 * @param webhook     where to push the other agency's facts that concern the client's jurisdictions, if anywhere
 */
public record AgencyClient(String id, String tokenSha256, List<String> jurisdictions, Webhook webhook) {

    /**
     * @param secret the key of the HMAC-SHA256 signature on every delivery; configured outside the repository
     */
    public record Webhook(URI url, String secret) {
    }

    public AgencyClient {
        jurisdictions = jurisdictions == null ? List.of() : List.copyOf(jurisdictions);
    }

    public boolean mayActFor(String jurisdiction) {
        return jurisdictions.stream().anyMatch(scope -> Jurisdictions.liesWithin(jurisdiction, scope));
    }

    /** Refuses, naming {@code field}, a request to act for a jurisdiction this client may not act for. */
    public void requireJurisdiction(String jurisdiction, String field) {
        if (!mayActFor(jurisdiction)) {
            throw RequestRefusedException.notPermitted(field,
                    "client " + id + " may not act for jurisdiction " + jurisdiction);
        }
    }
}
