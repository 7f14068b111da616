package org.clueexchange.wire.origin;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a fact's record carries to prove who published it, in the record header {@link #HEADER}: the signing key's
 * id, the Ed25519 signature of the batch the fact was published in, and the fact's inclusion proof in that batch's
 * {@link FactTree}. An adapter signs a tree over each batch it publishes, not each fact: one Ed25519 signature costs
 * a reader about a millisecond on these machines, a proof a few hashes, and a replay of millions of facts checks
 * each batch's signature once. X-Road signs its message log's batches the same way.
 *
 * <p>Header layout, all integers big-endian: a version byte (1); the key id's length (one byte) and its ASCII; the
 * fact's index in the batch and the batch's size (four bytes each); the 64-byte signature; the proof's length (one
 * byte) and its 32-byte hashes, the leaf's end first.
 */
public record OriginSignature(String keyId, int index, int size, byte[] signature, List<byte[]> proof) {

    /** The record header that holds it. */
    public static final String HEADER = "clue-exchange.origin";
    private static final byte VERSION = 1;
    private static final int SIGNATURE_BYTES = 64;
    /** A tree of 2<sup>31</sup> leaves has proofs of at most 31 hashes. */
    private static final int MAX_PROOF = 31;
    private static final byte[] CONTEXT = "clue-exchange origin v1\0".getBytes(StandardCharsets.US_ASCII);

    public OriginSignature {
        proof = List.copyOf(proof);
    }

    /**
     * The bytes an adapter signs for a batch: a context no other signature of the exchange uses, the key id (so a
     * signature cannot be passed off under another key), the batch's size and its root.
     */
    public static byte[] signedBytes(String keyId, long size, byte[] root) {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(CONTEXT.length + id.length + 1 + Long.BYTES + root.length)
                .put(CONTEXT).put(id).put((byte) 0).putLong(size).put(root).array();
    }

    public byte[] header() {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer bytes = ByteBuffer.allocate(2 + id.length + 8 + SIGNATURE_BYTES + 1
                + proof.size() * FactTree.HASH_BYTES);
        bytes.put(VERSION).put((byte) id.length).put(id).putInt(index).putInt(size).put(signature)
                .put((byte) proof.size());
        proof.forEach(bytes::put);
        return bytes.array();
    }

    /**
     * Reads a header as an adapter wrote it; whatever else the bytes are (anyone can write a header onto a topic),
     * says why they are not.
     */
    public static Parsed parse(byte[] header) {
        if (header == null) {
            return new Parsed(null, "the record carries no " + HEADER + " header: the fact is not signed");
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap(header);
            byte version = bytes.get();
            if (version != VERSION) {
                return new Parsed(null, HEADER + " is of version " + version + ", this reader knows " + VERSION);
            }
            byte[] id = new byte[bytes.get()];
            bytes.get(id);
            String keyId = new String(id, StandardCharsets.US_ASCII);
            if (!AgencyKeys.KEY_ID.matcher(keyId).matches()) {
                return new Parsed(null, HEADER + " names no valid key id");
            }
            int index = bytes.getInt();
            int size = bytes.getInt();
            byte[] signature = new byte[SIGNATURE_BYTES];
            bytes.get(signature);
            int length = bytes.get();
            if (length < 0 || length > MAX_PROOF) {
                return new Parsed(null, HEADER + " has a proof of " + length + " hashes");
            }
            List<byte[]> proof = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                byte[] hash = new byte[FactTree.HASH_BYTES];
                bytes.get(hash);
                proof.add(hash);
            }
            if (bytes.hasRemaining()) {
                return new Parsed(null, HEADER + " has " + bytes.remaining() + " bytes past its end");
            }
            return new Parsed(new OriginSignature(keyId, index, size, signature, proof), null);
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            return new Parsed(null, HEADER + " is cut short (" + header.length + " bytes)");
        }
    }

    /** A header read: its signature, or why it holds none. */
    public record Parsed(OriginSignature signature, String refusal) {

        public Optional<OriginSignature> value() {
            return Optional.ofNullable(signature);
        }
    }
}
