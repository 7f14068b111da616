package org.clueexchange.wire;

import java.util.regex.Pattern;

/**
 * GB/T 2260 administrative division codes (行政区划代码): two digits of province, two of prefecture, two of county.
 */
public final class Jurisdictions {

    private static final Pattern CODE = Pattern.compile("[1-8][0-9]\\d{4}");

    private Jurisdictions() {
    }

    public static boolean isValid(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** Whether {@code code} is {@code scope} itself or lies inside it (a county inside its prefecture or province). */
    public static boolean liesWithin(String code, String scope) {
        return code.startsWith(significantPrefix(scope));
    }

    /** 530000 → "53", 530600 → "5306", 530602 → "530602". */
    public static String significantPrefix(String scope) {
        if (scope.endsWith("0000")) {
            return scope.substring(0, 2);
        }
        if (scope.endsWith("00")) {
            return scope.substring(0, 4);
        }
        return scope;
    }
}
