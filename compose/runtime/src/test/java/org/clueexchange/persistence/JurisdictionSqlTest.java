package org.clueexchange.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

class JurisdictionSqlTest {

    @Test
    void aColumnLiesWithinAnyOfSeveralJurisdictionsByTheirRangesOfCodes() {
        MapSqlParameterSource params = new MapSqlParameterSource();

        String condition = JurisdictionSql.withinAny("c", List.of("530600", "330802"), params);

        assertThat(condition).isEqualTo("(c BETWEEN CAST(:scope0First AS CHAR(6)) AND CAST(:scope0Last AS CHAR(6)) "
                + "OR c BETWEEN CAST(:scope1First AS CHAR(6)) AND CAST(:scope1Last AS CHAR(6)))");
        assertThat(params.getValues()).containsEntry("scope0First", "530600").containsEntry("scope0Last", "530699")
                .containsEntry("scope1First", "330802").containsEntry("scope1Last", "330802");
    }

    @Test
    void noJurisdictionAtAllCoversNothing() {
        assertThat(JurisdictionSql.withinAny("c", List.of(), new MapSqlParameterSource())).isEqualTo("FALSE");
    }
}
