package org.clueexchange.wire.origin;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.clueexchange.events.EventEnvelope;

/**
 * Checks that a fact was published by the agency it names as its asserter: signed under a trusted key of that
 * agency type and jurisdiction, valid when the fact was accepted, over exactly the fact's bytes. Every reader runs
 * it on every record, the core, each adapter, a replay and the offline verifier alike, so they all refuse the same
 * records for the same reasons. Thread-safe.
 *
 * <p>A batch's signature, once verified, is remembered, so that each further fact of the batch costs its proof's
 * hashes alone.
 */
public final class OriginVerifier {

    /** How every refusal of a fact's origin starts, in a dead letter's reason and wherever it is shown. */
    public static final String SECURITY = "security: ";
    private static final int REMEMBERED_BATCHES = 4096;

    private final AgencyKeys keys;
    private final Map<ByteBuffer, Boolean> verifiedBatches = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Boolean> eldest) {
            return size() > REMEMBERED_BATCHES;
        }
    };

    public OriginVerifier(AgencyKeys keys) {
        this.keys = keys;
    }

    /** What a fact's origin is: the key it was signed with, and why it does not count, if it does not. */
    public record Verdict(String keyId, Optional<String> refusal) {

        public boolean verified() {
            return refusal.isEmpty();
        }
    }

    /**
     * @param envelope the fact's own envelope, decoded from {@code fact}
     * @param fact     the record's value, the single-object encoded bytes the adapter signed
     * @param header   the record's {@link OriginSignature#HEADER}, or none
     */
    public Verdict check(EventEnvelope envelope, byte[] fact, byte[] header) {
        OriginSignature.Parsed parsed = OriginSignature.parse(header);
        if (parsed.signature() == null) {
            return new Verdict(null, Optional.of(SECURITY + parsed.refusal()));
        }
        OriginSignature signature = parsed.signature();
        Optional<AgencyKey> key = keys.find(signature.keyId());
        if (key.isEmpty()) {
            return refused(signature, "signed with key " + signature.keyId() + ", which no agency holds");
        }
        Optional<String> notItsKey = key.get().refusalFor(envelope.getAssertedBy().getType(),
                envelope.getAssertedBy().getJurisdiction(), envelope.getPublishedAt());
        if (notItsKey.isPresent()) {
            return refused(signature, notItsKey.get());
        }
        byte[] root = FactTree.rootFromProof(FactTree.leafHash(fact), signature.index(), signature.size(),
                signature.proof());
        if (root == null || !batchVerifies(key.get(), signature, root)) {
            return refused(signature, "the signature of key " + signature.keyId()
                    + " does not verify over the fact's bytes");
        }
        return new Verdict(signature.keyId(), Optional.empty());
    }

    private static Verdict refused(OriginSignature signature, String why) {
        return new Verdict(signature.keyId(), Optional.of(SECURITY + why));
    }

    private boolean batchVerifies(AgencyKey key, OriginSignature signature, byte[] root) {
        byte[] signed = OriginSignature.signedBytes(key.keyId(), signature.size(), root);
        ByteBuffer batch = ByteBuffer.allocate(signed.length + signature.signature().length)
                .put(signed).put(signature.signature()).flip();
        synchronized (verifiedBatches) {
            if (verifiedBatches.containsKey(batch)) {
                return true;
            }
        }
        boolean verifies;
        try {
            Signature ed25519 = Signature.getInstance(OriginKeys.ALGORITHM);
            ed25519.initVerify(key.publicKey());
            ed25519.update(signed);
            verifies = ed25519.verify(signature.signature());
        } catch (GeneralSecurityException e) {
            verifies = false;
        }
        if (verifies) {
            synchronized (verifiedBatches) {
                verifiedBatches.put(batch, Boolean.TRUE);
            }
        }
        return verifies;
    }
}
