package org.clueexchange.wire.origin;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 keys as the exchange's settings carry them: a private key as base64 of its PKCS#8 encoding, a public key
 * as base64 of its X.509 SubjectPublicKeyInfo, the forms {@code openssl genpkey -algorithm ed25519} and
 * {@code openssl pkey -pubout -outform DER} give.
 */
public final class OriginKeys {

    static final String ALGORITHM = "Ed25519";

    private OriginKeys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java 15+ platform has Ed25519", e);
        }
    }

    public static PrivateKey privateKey(String base64Pkcs8) {
        try {
            return factory().generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64Pkcs8.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 private key in base64 PKCS#8: " + e.getMessage(), e);
        }
    }

    public static PublicKey publicKey(String base64X509) {
        try {
            return factory().generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64X509.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key in base64 X.509: " + e.getMessage(), e);
        }
    }

    /** The key's standard encoding in base64: PKCS#8 for a private key, X.509 for a public one. */
    public static String encoded(java.security.Key key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    private static KeyFactory factory() throws NoSuchAlgorithmException {
        return KeyFactory.getInstance(ALGORITHM);
    }
}
