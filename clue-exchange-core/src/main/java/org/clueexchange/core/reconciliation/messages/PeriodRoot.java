package org.clueexchange.core.reconciliation.messages;

/**
 * What a revision of a statement proves about the topics: the Merkle root over its jurisdiction's facts from the
 * previous issue of its jurisdiction and cadence up to its own cut, led by the previous issue's root, so that the
 * roots of a jurisdiction and cadence form one chain.
 *
 * @param link         the revision's place in its chain, from 1; two issues cannot take the same place
 * @param root         64 lower-case hex digits
 * @param previousRoot the previous link's root, or 64 zeros before the first
 * @param cut          where the agency topics ended at issue ({@code roots.Cut}'s text)
 * @param facts        how many facts of the jurisdiction the window holds, the previous root's leaf aside
 */
public record PeriodRoot(int link, String root, String previousRoot, String cut, int facts) {
}
