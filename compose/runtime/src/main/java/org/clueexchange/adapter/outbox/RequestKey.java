package org.clueexchange.adapter.outbox;

/**
 * What makes two requests the same request, with the clue (or the statement) that the fact they assert is about:
 * the agency system that sent them, what kind of request they are, and that system's own record id. The same record
 * id sent for another clue, by another system or for another kind of request is another request.
 *
 * @param clientId  the configured id of the agency system
 * @param operation the kind of request, e.g. {@code receipt}, {@code transfer}, {@code statement-confirmation}
 */
public record RequestKey(String clientId, String operation, String recordId) {
}
