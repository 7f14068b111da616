package org.clueexchange.core.ledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

class JurisdictionScopeTest {

    @Test
    void aProvinceAPrefectureAndACountyEachSpanTheCodesWithinThem() {
        assertThat(range("530000")).containsExactly("530000", "539999");
        assertThat(range("530600")).containsExactly("530600", "530699");
        assertThat(range("530602")).containsExactly("530602", "530602");
    }

    private static Object[] range(String jurisdiction) {
        MapSqlParameterSource bound = JurisdictionScope.bind(new MapSqlParameterSource(), jurisdiction);
        return new Object[] {bound.getValue("scopeFirst"), bound.getValue("scopeLast")};
    }
}
