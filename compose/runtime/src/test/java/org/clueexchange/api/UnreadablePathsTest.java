package org.clueexchange.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A path Tomcat cannot read is refused naming the variable that holds what no path may hold. */
class UnreadablePathsTest {

    private static final List<String> PATTERNS = List.of("/api/ledger/clues", "/api/ledger/clues/{clueId}",
            "/api/operations/dead-letters/{processingGroup}/{clueId}/retry");

    @Test
    void theVariableHoldingWhatNoPathMayHoldIsNamed() {
        assertThat(UnreadablePaths.fieldOf("/api/ledger/clues/POLICE-530600-%00", PATTERNS)).isEqualTo("clueId");
        assertThat(UnreadablePaths.fieldOf("/api/ledger/clues/%ED%A0%80", PATTERNS)).isEqualTo("clueId");
        assertThat(UnreadablePaths.fieldOf("/api/operations/dead-letters/transfer-ledger/a%2Fb/retry", PATTERNS))
                .isEqualTo("clueId");
        assertThat(UnreadablePaths.fieldOf("/api/operations/dead-letters/%00/POLICE-1/retry", PATTERNS))
                .isEqualTo("processingGroup");
    }

    @Test
    void aPathNoMappingExplainsIsNamedAsAWhole() {
        assertThat(UnreadablePaths.fieldOf("/api/ledger/%00/clues", PATTERNS)).isEqualTo(UnreadablePaths.PATH);
        assertThat(UnreadablePaths.fieldOf("/api/ledger/clues/POLICE-1/%00", PATTERNS))
                .isEqualTo(UnreadablePaths.PATH);
    }

    @Test
    void onlyNulSlashBackslashBrokenEscapesAndBytesThatAreNoUtf8AreUnreadable() {
        assertThat(UnreadablePaths.readable("POLICE-530600-%E7%BA%BF%01")).isTrue();
        assertThat(UnreadablePaths.readable("%00")).isFalse();
        assertThat(UnreadablePaths.readable("%5C")).isFalse();
        assertThat(UnreadablePaths.readable("%E7%BA")).isFalse();
        assertThat(UnreadablePaths.readable("50%")).isFalse();
        assertThat(UnreadablePaths.readable("%zz")).isFalse();
    }
}
