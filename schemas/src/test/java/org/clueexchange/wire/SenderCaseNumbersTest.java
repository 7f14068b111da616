package org.clueexchange.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clueexchange.wire.ClueEventSamples.AT;

import org.clueexchange.events.AgencyType;
import org.clueexchange.events.ClueTransferred;
import org.junit.jupiter.api.Test;

class SenderCaseNumbersTest {

    @Test
    void aPoliceTransferNamesItsGangCaseAndAReceiptTheNumberItsReceiverNamed() {
        ClueTransferred transfer = ClueEventSamples.transfer("POLICE-530600-XS001", AT);

        assertThat(SenderCaseNumbers.of(transfer)).contains("ZT-2020-017");
        assertThat(SenderCaseNumbers.of(ClueEventSamples.receiptOutside(transfer, "昭公（刑）立字〔2020〕123号", AT)))
                .contains("昭公（刑）立字〔2020〕123号");
        assertThat(SenderCaseNumbers.of(ClueEventSamples.receipt(transfer, AT))).isEmpty();
        assertThat(SenderCaseNumbers.of(ClueEventSamples.acceptance(transfer, AT))).isEmpty();
    }

    @Test
    void aCommissionsTransferNamesItsInquiryNumberAtTheEndOfItsSummary() {
        String summary = SenderCaseNumbers.withInquiryNumber("巡察发现刘某团伙强揽工程（见附件）", "昭纪（审）〔2020〕7号");

        assertThat(summary).endsWith("（审查调查案件 昭纪（审）〔2020〕7号）");
        assertThat(summary.length() - "巡察发现刘某团伙强揽工程（见附件）".length() - "昭纪（审）〔2020〕7号".length())
                .isEqualTo(SenderCaseNumbers.INQUIRY_FRAME);
        assertThat(SenderCaseNumbers.ofTransfer(AgencyType.DISCIPLINE, null, summary)).contains("昭纪（审）〔2020〕7号");
        assertThat(SenderCaseNumbers.ofTransfer(AgencyType.DISCIPLINE, null, "巡察发现刘某团伙强揽工程（见附件）"))
                .isEmpty();
        assertThat(SenderCaseNumbers.ofTransfer(AgencyType.DISCIPLINE, "ZT-2020-017", "摘要")).isEmpty();
        assertThat(SenderCaseNumbers.of(ClueEventSamples.transferToPolice("DISCIPLINE-530600-YS001", AT))).isEmpty();
    }

    @Test
    void numbersWrittenInOtherWidthsOrSpacedAreTheSameNumber() {
        assertThat(SenderCaseNumbers.same("昭公（刑）立字〔2020〕123号", "昭公(刑)立字〔２０２０〕 123号")).isTrue();
        assertThat(SenderCaseNumbers.same("昭公（刑）立字〔2020〕123号", "昭公（刑）立字〔2020〕124号")).isFalse();
    }
}
