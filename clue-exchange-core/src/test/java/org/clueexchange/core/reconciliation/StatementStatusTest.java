package org.clueexchange.core.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.clueexchange.events.AgencyType;
import org.junit.jupiter.api.Test;

class StatementStatusTest {

    @Test
    void aStatementIsConfirmedOnceBothAgenciesHaveConfirmedIt() {
        assertThat(StatementStatus.of(EnumSet.noneOf(AgencyType.class))).isEqualTo(StatementStatus.ISSUED);
        assertThat(StatementStatus.of(EnumSet.of(AgencyType.POLICE))).isEqualTo(StatementStatus.PARTLY_CONFIRMED);
        assertThat(StatementStatus.of(EnumSet.of(AgencyType.DISCIPLINE)))
                .isEqualTo(StatementStatus.PARTLY_CONFIRMED);
        assertThat(StatementStatus.of(EnumSet.of(AgencyType.POLICE, AgencyType.DISCIPLINE)))
                .isEqualTo(StatementStatus.CONFIRMED);
    }
}
