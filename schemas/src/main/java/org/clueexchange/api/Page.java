package org.clueexchange.api;

import java.util.List;

/**
 * One page of a list read with a cursor: pass {@code next} as {@code after} to read on. An empty page keeps the
 * cursor where it was, so that a poller can simply ask again later.
 */
public record Page<T>(List<T> items, long next) {
}
