package dev.clipforge.api.tenancy;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyTokensTest {

    @Test
    void aGeneratedKeyHasItsPrefixAndMatchesOnlyItsOwnHash() {
        ApiKeyTokens.Generated g = ApiKeyTokens.generate();
        assertThat(g.key()).startsWith(g.prefix() + "_").matches("cfk_[0-9a-z]{8}_[0-9A-Za-z]{40}");
        assertThat(ApiKeyTokens.prefixOf(g.key())).isEqualTo(g.prefix());
        String hash = ApiKeyTokens.hash(g.key());
        assertThat(hash).hasSize(64).doesNotContain(g.key().substring(13));
        assertThat(ApiKeyTokens.matches(g.key(), hash)).isTrue();
        String tampered = g.key().substring(0, g.key().length() - 1) + (g.key().endsWith("A") ? "B" : "A");
        assertThat(ApiKeyTokens.matches(tampered, hash)).isFalse();
    }

    @Test
    void keysAreNotRepeated() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(ApiKeyTokens.generate().key())).isTrue();
        }
    }

    @Test
    void anythingButAKeyHasNoPrefix() {
        for (String bad : new String[]{"", "cfk_", "cfk_abcdefgh", "cfk_abcdefgh_short", "Bearer cfk_abcdefgh_" + "a".repeat(40),
                "cfk_ABCDEFGH_" + "a".repeat(40), "cfk_abcdefgh_" + "a".repeat(41), "cfk_abcdefgh_" + "a".repeat(39) + "!",
                "xyz_abcdefgh_" + "a".repeat(40)}) {
            assertThat(ApiKeyTokens.prefixOf(bad)).as(bad).isNull();
        }
    }
}
