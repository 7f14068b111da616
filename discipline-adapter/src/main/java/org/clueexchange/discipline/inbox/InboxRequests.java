package org.clueexchange.discipline.inbox;

/** Rules the inbox's requests share. */
final class InboxRequests {

    static final String RECORD_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    static final String RECORD_ID_RULE = "must be 1-64 of A-Z a-z 0-9 . _ - and start with a letter or digit";

    private InboxRequests() {
    }
}
