package org.clueexchange.wire;

import java.util.Optional;

/**
 * The two kinds of text a fact holds, and what each may contain. Every text is stored by the core and the adapters
 * in PostgreSQL, which cannot store the character NUL (U+0000) in a text, nor an unpaired UTF-16 surrogate, which
 * no UTF-8 encoder writes as it was; such a value would be refused there after Kafka had taken it, and would hold up
 * every fact behind it. Other control characters are no part of any name or summary either: they are what a
 * mis-decoded or binary value looks like.
 */
public enum FactText {

    /** An officer's id, a case number, a name, a unit, a file name: one line, and no control character at all. */
    SHORT {
        @Override
        boolean allows(int character) {
            return !Character.isISOControl(character);
        }

        @Override
        String controlRule() {
            return "a name, a number or an id holds no control character";
        }
    },

    /** A summary, an explanation, instructions: lines of text, whose only control characters are TAB, LF and CR. */
    FREE {
        @Override
        boolean allows(int character) {
            return character == '\t' || character == '\n' || character == '\r' || !Character.isISOControl(character);
        }

        @Override
        String controlRule() {
            return "text holds no control character but tab, line feed and carriage return";
        }
    };

    /** Why {@code value} cannot be a text of this kind at most {@code maxLength} long; empty if it can. */
    public Optional<String> problem(String value, int maxLength) {
        if (value.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (value.length() > maxLength) {
            return Optional.of("longer than " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); ) {
            int character = value.codePointAt(i);
            if (Character.getType(character) == Character.SURROGATE) {
                return Optional.of("holds an unpaired surrogate " + unicode(character) + " at character " + i
                        + ", which is no character");
            }
            if (!allows(character)) {
                return Optional.of("holds the control character " + unicode(character) + " at character " + i
                        + "; " + controlRule());
            }
            i += Character.charCount(character);
        }
        return Optional.empty();
    }

    abstract boolean allows(int character);

    abstract String controlRule();

    private static String unicode(int character) {
        return String.format("U+%04X", character);
    }
}
