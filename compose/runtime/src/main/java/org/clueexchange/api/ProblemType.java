package org.clueexchange.api;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The kinds of problem the exchange's HTTP APIs answer with, each the RFC 9457 {@code type} of its problems (a URI
 * that identifies it, not a page to fetch) and the status that goes with it. A calling system decides what to do by
 * the type alone: the fields named and the wording of the detail are for the people who mend the request.
 */
public enum ProblemType {

    /** A field breaks a rule of the exchange: mend the request; sent again as it is, it is refused again. */
    INVALID_REQUEST("invalid-request", HttpStatus.BAD_REQUEST, "Invalid request"),
    /** No valid bearer token: the caller's token is missing, mistyped or no longer configured. */
    UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED, "Not authenticated"),
    /** The caller may not do this: it may not act for the jurisdiction the request concerns, or its role may not. */
    NOT_ENTITLED("not-entitled", HttpStatus.FORBIDDEN, "Not entitled"),
    /** The request names something this application does not hold: a clue, a statement, a cursor. */
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    /**
     * The request is right but comes too early: what it acts on is not there yet (feedback to acknowledge that has
     * not arrived, a conclusion that feedback reports on). Sent again once that has happened, the same request is
     * taken; a {@code Retry-After} says when to try again where waiting is all it takes.
     */
    NOT_YET_POSSIBLE("not-yet-possible", HttpStatus.CONFLICT, "Not yet possible"),
    /**
     * The record id already stands for a different request of the same kind about the same clue: a retry must repeat
     * the original request exactly, and a new request needs a record id of its own.
     */
    RECORD_ID_REUSED("record-id-reused", HttpStatus.UNPROCESSABLE_ENTITY, "Record id reused"),
    /**
     * What the request asserts was already recorded another way, and cannot also be true: a receipt through the
     * exchange of a clue signed for on paper, a receipt on paper of a clue the exchange delivered. Sent again, it is
     * refused again; the clue's record says what stands.
     */
    CONFLICTS_WITH_RECORD("conflicts-with-record", HttpStatus.CONFLICT, "Conflicts with what is recorded"),
    /** The body is larger than {@link RequestBodyLimit#MAX_BYTES}. */
    BODY_TOO_LARGE("body-too-large", HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large"),
    /** The body is not JSON ({@code Content-Type: application/json}). */
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type");

    /** Where every type's URI begins. */
    public static final String BASE = "https://clue-exchange.org/problems/";

    private final URI uri;
    private final HttpStatus status;
    private final String title;

    ProblemType(String name, HttpStatus status, String title) {
        this.uri = URI.create(BASE + name);
        this.status = status;
        this.title = title;
    }

    /** The problem's {@code type}, e.g. {@code https://clue-exchange.org/problems/not-yet-possible}. */
    public URI uri() {
        return uri;
    }

    public HttpStatus status() {
        return status;
    }

    /** The problem's {@code title}: the same for every problem of the type. */
    public String title() {
        return title;
    }
}
