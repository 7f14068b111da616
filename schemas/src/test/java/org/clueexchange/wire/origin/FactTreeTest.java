package org.clueexchange.wire.origin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FactTreeTest {

    private static List<byte[]> leaves(int n) {
        return IntStream.range(0, n).mapToObj(i -> FactTree.leafHash(("fact " + i).getBytes(StandardCharsets.UTF_8)))
                .toList();
    }

    /** RFC 9162's tree of the empty string, and of the one-byte leaf 0x00, from its reference implementations. */
    @Test
    void empty_tree_and_single_leaf_match_rfc_9162() {
        assertThat(HexFormat.of().formatHex(FactTree.root(List.of())))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(HexFormat.of().formatHex(FactTree.leafHash(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    }

    @Test
    void every_leaf_of_every_tree_up_to_70_is_proven_in_its_root_at_its_own_index_only() {
        for (int size = 1; size <= 70; size++) {
            List<byte[]> leaves = leaves(size);
            byte[] root = FactTree.root(leaves);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = FactTree.inclusionProof(leaves, index);
                assertThat(FactTree.includes(root, leaves.get(index), index, size, proof))
                        .as("leaf %d of %d", index, size).isTrue();
                assertThat(FactTree.includes(root, leaves.get(index), (index + 1) % size, size, proof))
                        .as("leaf %d of %d at another index", index, size).isEqualTo(size == 1);
                if (!proof.isEmpty()) {
                    List<byte[]> bent = new ArrayList<>(proof);
                    byte[] first = bent.get(0).clone();
                    first[0] ^= 1;
                    bent.set(0, first);
                    assertThat(FactTree.includes(root, leaves.get(index), index, size, bent)).isFalse();
                }
            }
        }
    }

    @Test
    void a_proof_out_of_the_tree_leads_nowhere() {
        List<byte[]> leaves = leaves(5);
        assertThat(FactTree.rootFromProof(leaves.get(0), 5, 5, List.of())).isNull();
        assertThat(FactTree.rootFromProof(leaves.get(0), -1, 5, List.of())).isNull();
        assertThat(FactTree.rootFromProof(leaves.get(0), 0, 5, List.of())).isNull();
    }
}
