package org.clueexchange.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class StatementIdTest {

    @Test
    void aStatementIdNamesItsJurisdictionAndMonthAndReadsBack() {
        StatementId june = new StatementId("530600", YearMonth.of(2020, 6));

        assertThat(june).hasToString("STATEMENT-530600-2020-06");
        assertThat(StatementId.parse("STATEMENT-530600-2020-06")).contains(june);
    }

    @Test
    void anythingElseIsNoStatementId() {
        assertThat(StatementId.parse("STATEMENT-530600-2020-13")).isEmpty();
        assertThat(StatementId.parse("STATEMENT-030600-2020-06")).isEmpty();
        assertThat(StatementId.parse("POLICE-530600-XS001")).isEmpty();
    }
}
