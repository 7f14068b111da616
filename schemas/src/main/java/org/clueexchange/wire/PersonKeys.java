package org.clueexchange.wire;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How both agencies name the same person without telling the exchange who they are: the person key, HMAC-SHA256
 * over the person's 18-character resident ID number (居民身份证号), keyed with a secret every adapter of the
 * exchange is configured with and the core never holds. The same ID number gives the same key in every case and
 * clue, on either side; the key cannot be turned back into the number without the secret, and a guess at a number
 * cannot be tested against it either. A plain hash could be: a valid number is a region, a birth date and a
 * sequence, some 10<sup>11</sup> candidates, few enough to try them all. So whoever holds the secret and the core's
 * data can recover the numbers the same way: the secret stays with the adapters.
 */
public final class PersonKeys {

    /** A person key, as a regular expression: 64 lower-case hex digits. */
    public static final String PATTERN = "[0-9a-f]{64}";
    /** What a field holding a person key must be, in the words a refusal names it with. */
    public static final String RULE = "must be 64 lower-case hex digits (HMAC-SHA256 of the ID number)";
    /** The fewest bytes a secret may have: HMAC-SHA256's own block of 32 bytes. */
    public static final int MINIMUM_SECRET_BYTES = 32;

    private static final Pattern KEY = Pattern.compile(PATTERN);
    private static final Pattern ID_NUMBER = Pattern.compile("[1-9][0-9]{16}[0-9X]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_DIGITS = "10X98765432";

    private final SecretKeySpec secret;

    /** @param secret the exchange's person-key secret, at least {@link #MINIMUM_SECRET_BYTES} bytes */
    public PersonKeys(byte[] secret) {
        if (secret.length < MINIMUM_SECRET_BYTES) {
            throw new IllegalArgumentException("the person-key secret has " + secret.length + " bytes; it needs at "
                    + "least " + MINIMUM_SECRET_BYTES);
        }
        this.secret = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** The key of the person with this ID number, which must be {@linkplain #isIdNumber valid}; x is read as X. */
    public String of(String idNumber) {
        String number = idNumber.toUpperCase(Locale.ROOT);
        if (!isIdNumber(number)) {
            throw new IllegalArgumentException("not a valid 18-character resident ID number");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(number.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    /**
     * Whether {@code idNumber} is an 18-character resident ID number with the check digit GB 11643 computes: a
     * mistyped number would otherwise give another person's key, or nobody's.
     */
    public static boolean isIdNumber(String idNumber) {
        if (idNumber == null || !ID_NUMBER.matcher(idNumber).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (idNumber.charAt(i) - '0') * WEIGHTS[i];
        }
        return idNumber.charAt(17) == CHECK_DIGITS.charAt(sum % 11);
    }

    /** Whether {@code key} has the form of a person key. */
    public static boolean isKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }
}
