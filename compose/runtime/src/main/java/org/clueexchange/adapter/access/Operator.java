package org.clueexchange.adapter.access;

/**
 * Someone who runs the adapter for its agency and sees to what it could not publish or push: facts Kafka refused
 * for good, pushes held for clients no longer configured. An operator acts for no jurisdiction and asserts no fact:
 * an operator's token opens only the operators' endpoints ({@code /operator/...}), and no client's token opens those.
 *
 * @param tokenSha256 lower-case hex SHA-256 of the operator's bearer token; the token itself is never stored
 */
public record Operator(String id, String tokenSha256) {
}
