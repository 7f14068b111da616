package org.clueexchange.core.deadletter;

/** PostgreSQL refusing the ledger's rows of one clue, as a database may refuse a value, for tests of what holds. */
public final class LedgerRefusal {

    private LedgerRefusal() {
    }

    /**
     * A trigger {@code name} that refuses, while {@code condition} holds, every ledger_fact row of one clue, with
     * {@code reason}; {@link #mend} drops it.
     */
    public static String trigger(String name, String clueId, String condition, String reason) {
        return "CREATE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " IF NEW.clue_id = '" + clueId + "' AND " + condition + " THEN"
                + " RAISE EXCEPTION '" + reason + "'; END IF; RETURN NEW; END $$;"
                + " CREATE TRIGGER " + name + " BEFORE INSERT ON ledger_fact FOR EACH ROW EXECUTE FUNCTION "
                + name + "()";
    }

    public static String mend(String name) {
        return "DROP TRIGGER " + name + " ON ledger_fact";
    }
}
