package org.clueexchange.adapter.clues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.clueexchange.events.AgencyType;
import org.junit.jupiter.api.Test;

class SentClueIdTest {

    @Test
    void anIdReadsBackAsTheAgencyJurisdictionAndRecordItNames() {
        SentClueId id = new SentClueId(AgencyType.POLICE, "530600", "XS-2020-06-001");

        assertThat(id).hasToString("POLICE-530600-XS-2020-06-001");
        assertThat(SentClueId.parse(id.toString())).isEqualTo(id);
    }

    @Test
    void anIdOfAnotherFormIsRefused() {
        assertThatThrownBy(() -> SentClueId.parse("XS001")).isInstanceOf(IllegalArgumentException.class);
    }
}
