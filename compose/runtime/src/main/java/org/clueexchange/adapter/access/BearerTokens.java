package org.clueexchange.adapter.access;

import org.clueexchange.wire.ClueContentDigest;

/** Agency clients' bearer tokens are configured and compared by their SHA-256, never stored themselves. */
public final class BearerTokens {

    private BearerTokens() {
    }

    /** The lower-case hex SHA-256 an adapter's configuration holds for {@code token}. */
    public static String hash(String token) {
        return ClueContentDigest.sha256Hex(token);
    }
}
