package org.clueexchange.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PersonKeysTest {

    /** GB 11643's own example, whose check digit is X. */
    private static final String WITH_X = "11010519491231002X";
    private static final String ZHAOYANG = "530602198001011234";

    private final PersonKeys keys = new PersonKeys(secret(1));

    @Test
    void anIdNumberIsEighteenCharactersWithTheCheckDigitOfTheFirstSeventeen() {
        assertThat(PersonKeys.isIdNumber(WITH_X)).isTrue();
        assertThat(PersonKeys.isIdNumber(ZHAOYANG)).isTrue();
        assertThat(PersonKeys.isIdNumber("530602198001011235")).as("another check digit").isFalse();
        assertThat(PersonKeys.isIdNumber("110105194912310021")).as("a digit for the X").isFalse();
        assertThat(PersonKeys.isIdNumber("530602198001011")).as("the old 15-digit number").isFalse();
        assertThat(PersonKeys.isIdNumber("030602198001011234")).as("no area starts with 0").isFalse();
        assertThat(PersonKeys.isIdNumber("５30602198001011234")).as("a full-width digit").isFalse();
        assertThat(PersonKeys.isIdNumber("53060219800101123４")).isFalse();
        assertThat(PersonKeys.isIdNumber(ZHAOYANG + "\n")).isFalse();
        assertThat(PersonKeys.isIdNumber(null)).isFalse();
    }

    @Test
    void theSameNumberGivesTheSameKeyAndALowerCaseXIsReadAsX() {
        String key = keys.of(WITH_X);

        assertThat(key).matches(PersonKeys.PATTERN);
        assertThat(PersonKeys.isKey(key)).isTrue();
        assertThat(new PersonKeys(secret(1)).of(WITH_X)).isEqualTo(key);
        assertThat(keys.of(WITH_X.toLowerCase())).isEqualTo(key);
        assertThat(keys.of(ZHAOYANG)).isNotEqualTo(key);
    }

    @Test
    void anotherSecretGivesAnotherKey() {
        assertThat(new PersonKeys(secret(2)).of(ZHAOYANG)).isNotEqualTo(keys.of(ZHAOYANG));
    }

    @Test
    void theKeyHoldsNothingOfTheNumberAndAPlainHashIsNoKey() {
        String key = keys.of(ZHAOYANG);

        assertThat(key).doesNotContain(ZHAOYANG.substring(0, 6)).isNotEqualTo(ClueContentDigest.sha256Hex(ZHAOYANG));
    }

    @Test
    void aShortSecretOrAnInvalidNumberIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PersonKeys(new byte[31]))
                .withMessageContaining("31 bytes");
        assertThatIllegalArgumentException().isThrownBy(() -> keys.of("530602198001011235"))
                .withMessageNotContaining("530602198001011235");
    }

    @Test
    void aKeyIsSixtyFourLowerCaseHexDigits() {
        assertThat(PersonKeys.isKey("a".repeat(64))).isTrue();
        assertThat(PersonKeys.isKey("A".repeat(64))).isFalse();
        assertThat(PersonKeys.isKey("a".repeat(63))).isFalse();
        assertThat(PersonKeys.isKey(ZHAOYANG)).isFalse();
        assertThat(PersonKeys.isKey(null)).isFalse();
    }

    private static byte[] secret(int fill) {
        byte[] secret = new byte[PersonKeys.MINIMUM_SECRET_BYTES];
        Arrays.fill(secret, (byte) fill);
        return secret;
    }
}
