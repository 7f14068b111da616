package org.clueexchange.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JurisdictionsTest {

    @Test
    void codesAreSixDigitsWithAProvincePrefix() {
        assertThat(Jurisdictions.isValid("530600")).isTrue();
        assertThat(Jurisdictions.isValid("620102")).isTrue();
        assertThat(Jurisdictions.isValid("53060")).isFalse();
        assertThat(Jurisdictions.isValid("030600")).isFalse();
        assertThat(Jurisdictions.isValid("53060a")).isFalse();
        assertThat(Jurisdictions.isValid(null)).isFalse();
    }

    @Test
    void aCountyLiesWithinItsPrefectureAndProvince() {
        assertThat(Jurisdictions.liesWithin("530602", "530602")).isTrue();
        assertThat(Jurisdictions.liesWithin("530602", "530600")).isTrue();
        assertThat(Jurisdictions.liesWithin("530602", "530000")).isTrue();
        assertThat(Jurisdictions.liesWithin("530602", "530700")).isFalse();
        assertThat(Jurisdictions.liesWithin("530600", "530602")).isFalse();
    }

    @Test
    void aJurisdictionCoversTheRangeOfCodesWithinIt() {
        assertThat(Jurisdictions.rangeOf("530000")).isEqualTo(new Jurisdictions.Range("530000", "539999"));
        assertThat(Jurisdictions.rangeOf("530600")).isEqualTo(new Jurisdictions.Range("530600", "530699"));
        assertThat(Jurisdictions.rangeOf("530602")).isEqualTo(new Jurisdictions.Range("530602", "530602"));
        assertThatThrownBy(() -> Jurisdictions.rangeOf("5306021")).hasMessageContaining("six-digit");
    }
}
