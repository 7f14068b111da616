package org.clueexchange.adapter.access;

import org.clueexchange.wire.ClueContentDigest;

/** Bearer tokens are configured and compared by their SHA-256, never stored themselves. */
public final class BearerTokens {

    private static final String PREFIX = "Bearer ";

    private BearerTokens() {
    }

    /** The SHA-256 of the bearer token an {@code Authorization} header carries; null if it carries none. */
    public static String hashOf(String authorization) {
        return authorization != null && authorization.startsWith(PREFIX)
                ? hash(authorization.substring(PREFIX.length()).trim()) : null;
    }

    /** The lower-case hex SHA-256 an adapter's configuration holds for {@code token}. */
    public static String hash(String token) {
        return ClueContentDigest.sha256Hex(token);
    }
}
