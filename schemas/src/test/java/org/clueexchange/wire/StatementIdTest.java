package org.clueexchange.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class StatementIdTest {

    @Test
    void aStatementIdNamesItsJurisdictionAndMonthAndReadsBack() {
        StatementId june = new StatementId("530600", "2020-06");

        assertThat(june).hasToString("STATEMENT-530600-2020-06");
        assertThat(StatementId.parse("STATEMENT-530600-2020-06")).contains(june);
        assertThat(june.quarterly()).isFalse();
    }

    @Test
    void aQuarterlyStatementIdNamesItsQuarter() {
        StatementId third = new StatementId("530000", "2020-Q3");

        assertThat(third).hasToString("STATEMENT-530000-2020-Q3");
        assertThat(StatementId.parse("STATEMENT-530000-2020-Q3")).contains(third);
        assertThat(third.quarterly()).isTrue();
    }

    @Test
    void anythingElseIsNoStatementId() {
        assertThat(StatementId.parse("STATEMENT-530600-2020-13")).isEmpty();
        assertThat(StatementId.parse("STATEMENT-530600-2020-Q5")).isEmpty();
        assertThat(StatementId.parse("STATEMENT-530600-2020-Q0")).isEmpty();
        assertThat(StatementId.parse("STATEMENT-030600-2020-06")).isEmpty();
        assertThat(StatementId.parse("POLICE-530600-XS001")).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> new StatementId("530600", "2020-Q3\n"));
    }
}
