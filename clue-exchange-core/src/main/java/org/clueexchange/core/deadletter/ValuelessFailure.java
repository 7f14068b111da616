package org.clueexchange.core.deadletter;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

/**
 * A failure as operators may see it: its kind and the database's own word for it, never the values of the row that
 * failed. The driver's and Spring's messages quote a failed batch entry with its parameters (an official's name, a
 * summary), and operators see no personal data; PostgreSQL's own message names what was wrong, not the row, once
 * the connection sends no details ({@code logServerErrorDetail=false}).
 */
public final class ValuelessFailure extends RuntimeException {

    private ValuelessFailure(String message) {
        super(message, null, false, false);
    }

    public static ValuelessFailure of(Throwable failure) {
        SQLException database = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                database = sql;
            }
        }
        while (database instanceof BatchUpdateException batch && batch.getNextException() != null) {
            database = batch.getNextException();
        }
        if (database == null || database instanceof BatchUpdateException) {
            return new ValuelessFailure(failure.getClass().getName());
        }
        return new ValuelessFailure(failure.getClass().getName() + ": SQLState " + database.getSQLState() + ": "
                + database.getMessage());
    }
}
