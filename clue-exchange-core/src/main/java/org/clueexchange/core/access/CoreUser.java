package org.clueexchange.core.access;

import org.clueexchange.wire.Jurisdictions;

/**
 * A person the core knows, as the authenticated principal of a request.
 *
 * @param jurisdiction the officer's jurisdiction, with everything inside it; none for the other roles, who are not
 *                     bound to one
 */
public record CoreUser(String id, CoreRole role, String jurisdiction) {

    /** Whether the user may see and act on what concerns {@code code}: an auditor everywhere, an officer within. */
    public boolean covers(String code) {
        return switch (role) {
            case AUDITOR -> true;
            case OFFICER -> code != null && Jurisdictions.liesWithin(code, jurisdiction);
            case OPERATOR -> false;
        };
    }
}
