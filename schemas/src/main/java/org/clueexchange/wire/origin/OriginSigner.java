package org.clueexchange.wire.origin;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;

/** Signs the facts an adapter publishes, a batch at a time, with its agency's key. Thread-safe. */
public final class OriginSigner {

    private final String keyId;
    private final PrivateKey privateKey;

    public OriginSigner(String keyId, PrivateKey privateKey) {
        if (!AgencyKeys.KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("'" + keyId + "' is no key id: letters, digits, - and _, at most 64");
        }
        this.keyId = keyId;
        this.privateKey = privateKey;
    }

    public String keyId() {
        return keyId;
    }

    /** The {@link OriginSignature#HEADER} of each fact, in the facts' order, under one signature of the batch. */
    public List<byte[]> sign(List<byte[]> facts) {
        List<byte[]> leaves = facts.stream().map(FactTree::leafHash).toList();
        byte[] signature = signature(OriginSignature.signedBytes(keyId, leaves.size(), FactTree.root(leaves)));
        List<byte[]> headers = new ArrayList<>(leaves.size());
        for (int i = 0; i < leaves.size(); i++) {
            headers.add(new OriginSignature(keyId, i, leaves.size(), signature, FactTree.inclusionProof(leaves, i))
                    .header());
        }
        return headers;
    }

    /**
     * Whether this signer's private key is the one of {@code publicKey}: an adapter configured with a key that is
     * not the one listed under its id would publish only facts every reader refuses.
     */
    public boolean signsFor(PublicKey publicKey) {
        byte[] probe = OriginSignature.signedBytes(keyId, 0, FactTree.root(List.of()));
        try {
            Signature ed25519 = Signature.getInstance(OriginKeys.ALGORITHM);
            ed25519.initVerify(publicKey);
            ed25519.update(probe);
            return ed25519.verify(signature(probe));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private byte[] signature(byte[] signed) {
        try {
            Signature ed25519 = Signature.getInstance(OriginKeys.ALGORITHM);
            ed25519.initSign(privateKey);
            ed25519.update(signed);
            return ed25519.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with key " + keyId + ": " + e.getMessage(), e);
        }
    }
}
