package org.clueexchange.adapter.clues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.clueexchange.adapter.ApiFields;
import org.clueexchange.events.AgencyType;
import org.clueexchange.wire.ClueEvents;
import org.junit.jupiter.api.Test;

class SentClueIdTest {

    @Test
    void anIdReadsBackAsTheAgencyJurisdictionAndRecordItNames() {
        SentClueId id = new SentClueId(AgencyType.POLICE, "530600", "XS-2020-06-001");

        assertThat(id).hasToString("POLICE-530600-XS-2020-06-001");
        assertThat(SentClueId.parse(id.toString())).isEqualTo(id);
    }

    @Test
    void aChineseRecordIdReadsBackWhole() {
        SentClueId id = new SentClueId(AgencyType.DISCIPLINE, "530602", "昭纪-（线）〔2020〕7号");

        assertThat(id).hasToString("DISCIPLINE-530602-昭纪-（线）〔2020〕7号");
        assertThat(SentClueId.parse(id.toString())).isEqualTo(id);
        assertThat(id.toString()).matches(ClueEvents.CLUE_ID_PATTERN);
        assertThat(id.recordId()).matches(ApiFields.RECORD_ID);
    }

    @Test
    void anIdNoAdapterGivesIsRefused() {
        for (String clueId : List.of("XS001", "UNKNOWN-530600-XS001", "COURT-530600-XS001", "POLICE-5306-XS001",
                "POLICE-530600-", "POLICE-530600-XS:001")) {
            assertThatThrownBy(() -> SentClueId.parse(clueId)).as(clueId)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("POLICE-530600-XS001");
        }
    }
}
