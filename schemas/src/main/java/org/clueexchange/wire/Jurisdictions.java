package org.clueexchange.wire;

import java.util.regex.Pattern;

/**
 * GB/T 2260 administrative division codes (行政区划代码): two digits of province, two of prefecture, two of county.
 * A code stands for its division with everything inside it: a province's code covers its prefectures and counties,
 * a prefecture's its counties.
 */
public final class Jurisdictions {

    /** A six-digit code, as a regular expression (for validation annotations too). */
    public static final String CODE_PATTERN = "[1-8][0-9]{5}";
    /** What a field holding a code must be, in the words a refusal names it with. */
    public static final String CODE_RULE = "must be a six-digit GB/T 2260 code";

    private static final Pattern CODE = Pattern.compile(CODE_PATTERN);

    private Jurisdictions() {
    }

    /** The codes a jurisdiction covers, from {@code first} to {@code last}, both six digits and included. */
    public record Range(String first, String last) {

        public boolean contains(String code) {
            return first.compareTo(code) <= 0 && code.compareTo(last) <= 0;
        }
    }

    public static boolean isValid(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /**
     * The codes {@code scope} covers: 530000 (a province) 530000 to 539999, 530600 (a prefecture) 530600 to
     * 530699, 530602 (a county) itself alone. Whoever asks whether a code lies within a jurisdiction, in Java or in
     * SQL, asks whether it lies in this range.
     */
    public static Range rangeOf(String scope) {
        if (!isValid(scope)) {
            throw new IllegalArgumentException("'" + scope + "' is not a six-digit GB/T 2260 code");
        }
        String prefix = scope.endsWith("0000") ? scope.substring(0, 2)
                : scope.endsWith("00") ? scope.substring(0, 4) : scope;
        return new Range(padded(prefix, '0'), padded(prefix, '9'));
    }

    /** Whether {@code code} is {@code scope} itself or lies inside it (a county inside its prefecture or province). */
    public static boolean liesWithin(String code, String scope) {
        return rangeOf(scope).contains(code);
    }

    private static String padded(String prefix, char digit) {
        return prefix + String.valueOf(digit).repeat(6 - prefix.length());
    }
}
