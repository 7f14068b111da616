package org.clueexchange.wire.origin;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree hash of RFC 9162 (Certificate Transparency 2.0) over facts' bytes: a leaf is SHA-256 of 0x00 and
 * the fact's single-object encoded bytes, a node SHA-256 of 0x01 and its two children, and a tree of n leaves splits
 * at the largest power of two below n. The distinct prefixes keep a leaf from passing for a node. An inclusion proof
 * is the path of sibling hashes from a leaf to the root, so one fact is shown to be in a signed tree without the
 * others.
 *
 * <p>The adapters sign such a tree over each batch they publish, and the exchange computes one over each period's
 * facts, so the same hashes serve both.
 */
public final class FactTree {

    /** Bytes in every hash: SHA-256's 32. */
    public static final int HASH_BYTES = 32;
    private static final MessageDigest SHA_256 = newSha256();

    private FactTree() {
    }

    public static byte[] leafHash(byte[] factBytes) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x00);
        return sha256.digest(factBytes);
    }

    static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x01);
        sha256.update(left);
        return sha256.digest(right);
    }

    /** The root over leaf hashes, in their order; a tree of no leaves has SHA-256 of nothing as its root. */
    public static byte[] root(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return sha256().digest();
        }
        return root(leaves, 0, leaves.size());
    }

    private static byte[] root(List<byte[]> leaves, int from, int to) {
        int size = to - from;
        if (size == 1) {
            return leaves.get(from);
        }
        int split = largestPowerOfTwoBelow(size);
        return nodeHash(root(leaves, from, from + split), root(leaves, from + split, to));
    }

    /** The sibling hashes from leaf {@code index} up to the root, the leaf's end first. */
    public static List<byte[]> inclusionProof(List<byte[]> leaves, int index) {
        if (index < 0 || index >= leaves.size()) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + leaves.size());
        }
        List<byte[]> path = new ArrayList<>();
        path(leaves, index, 0, leaves.size(), path);
        return path;
    }

    private static void path(List<byte[]> leaves, int index, int from, int to, List<byte[]> path) {
        int size = to - from;
        if (size == 1) {
            return;
        }
        int split = largestPowerOfTwoBelow(size);
        if (index < from + split) {
            path(leaves, index, from, from + split, path);
            path.add(root(leaves, from + split, to));
        } else {
            path(leaves, index, from + split, to, path);
            path.add(root(leaves, from, from + split));
        }
    }

    /**
     * The root a leaf and its inclusion proof lead to, by RFC 9162's verification algorithm (section 2.1.3.2), or
     * none when the proof cannot belong to a leaf at {@code index} of a tree of {@code size}.
     */
    public static byte[] rootFromProof(byte[] leafHash, long index, long size, List<byte[]> path) {
        if (index < 0 || index >= size) {
            return null;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : null;
    }

    /** Whether the leaf and its proof lead to {@code root}. */
    public static boolean includes(byte[] root, byte[] leafHash, long index, long size, List<byte[]> path) {
        byte[] computed = rootFromProof(leafHash, index, size, path);
        return computed != null && MessageDigest.isEqual(computed, root);
    }

    private static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    /** A fresh SHA-256, cloned: looking the algorithm up among the providers would cost more than the hash. */
    static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the platform's SHA-256 cannot be cloned", e);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    static boolean isHash(byte[] bytes) {
        return bytes != null && bytes.length == HASH_BYTES;
    }
}
