package org.clueexchange.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clueexchange.events.ClueContent;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.Subject;
import org.junit.jupiter.api.Test;

class ClueContentDigestTest {

    @Test
    void theCanonicalFormIsFixed() {
        // Digests are stored on both sides and compared for years: the canonical form of v1 content never changes.
        assertThat(ClueContentDigest.canonicalForm(ClueEventSamples.content("通风报信|多次")))
                .isEqualTo("""
                        clue-content/v1
                        source|OWN_DISCOVERY
                        allegation|PROTECTIVE_UMBRELLA
                        priority|NORMAL
                        subject|张某|某县公安局治安大队 大队长|TOWNSHIP_SECTION|保护伞
                        gangCase|ZT-2020-017|MAFIA_TYPE_ORGANISATION
                        summary|通风报信\\|多次
                        attachment|询问笔录.pdf|%s
                        """.formatted("a".repeat(64)));
    }

    @Test
    void theDigestIsTheSha256OfTheCanonicalForm() {
        ClueContent content = ClueEventSamples.content("s");

        assertThat(ClueContentDigest.of(content))
                .isEqualTo(ClueContentDigest.sha256Hex(ClueContentDigest.canonicalForm(content)))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void separatorsInsideValuesCannotMakeTwoContentsCollide() {
        ClueContent oneSubject = ClueEventSamples.content("s");
        oneSubject.setSubjects(List.of(new Subject("张某|李某", "u", oneSubject.getSubjects().get(0).getRank(), null, null)));
        ClueContent twoFields = ClueEventSamples.content("s");
        twoFields.setSubjects(List.of(new Subject("张某", "李某|u", oneSubject.getSubjects().get(0).getRank(), null, null)));

        assertThat(ClueContentDigest.of(oneSubject)).isNotEqualTo(ClueContentDigest.of(twoFields));
    }

    @Test
    void suspectsJoinTheCanonicalFormOnlyWhenThereAreAny() {
        ClueContent content = ClueEventSamples.content("s");
        String without = ClueContentDigest.canonicalForm(content);
        content.setSuspects(List.of("刘某", "陈某"));

        assertThat(ClueContentDigest.canonicalForm(content)).isEqualTo(without + "suspect|刘某\nsuspect|陈某\n");
    }

    @Test
    void anyChangeOfContentChangesTheDigest() {
        assertThat(ClueContentDigest.of(ClueEventSamples.content("a")))
                .isNotEqualTo(ClueContentDigest.of(ClueEventSamples.content("b")));
    }

    @Test
    void aReceiptOutsideTheExchangeMayHoldNoDigestOfTheContent() {
        ClueTransferred transfer = ClueEventSamples.transfer("POLICE-530600-XS001", ClueEventSamples.AT);

        assertThat(ClueContentDigest.heldBy(ClueEventSamples.receipt(transfer, ClueEventSamples.AT)))
                .contains(transfer.getContentDigest());
        assertThat(ClueContentDigest.heldBy(ClueEventSamples.receiptOutside(transfer, "ZT-2020-017",
                ClueEventSamples.AT))).isEmpty();
    }
}
