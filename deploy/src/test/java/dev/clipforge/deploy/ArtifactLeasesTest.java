package dev.clipforge.deploy;

import dev.clipforge.activities.support.ArtifactLeases;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-asset artifacts are computed once, however many runs ask at the same time (real Postgres). */
class ArtifactLeasesTest {

    @Test
    void concurrentCallersComputeOnceAndShareTheResult() throws Exception {
        JdbcTemplate jdbc = SharedStack.get().bean(JdbcTemplate.class);
        ArtifactLeases workerA = new ArtifactLeases(jdbc);
        ArtifactLeases workerB = new ArtifactLeases(jdbc);
        AtomicInteger computations = new AtomicInteger();
        AtomicReference<String> stored = new AtomicReference<>();
        String key = "test/" + System.nanoTime();
        var first = CompletableFuture.supplyAsync(() -> workerA.once(key, Duration.ofSeconds(30), null,
                () -> Optional.ofNullable(stored.get()), () -> compute(computations, stored)));
        var second = CompletableFuture.supplyAsync(() -> workerB.once(key, Duration.ofSeconds(30), null,
                () -> Optional.ofNullable(stored.get()), () -> compute(computations, stored)));
        assertThat(first.get()).isEqualTo("transcript");
        assertThat(second.get()).isEqualTo("transcript");
        assertThat(computations).hasValue(1);
    }

    @Test
    void aClaimWhoseOwnerStoppedRenewingItIsTakenOver() {
        JdbcTemplate jdbc = SharedStack.get().bean(JdbcTemplate.class);
        String key = "test/stale/" + System.nanoTime();
        jdbc.update("insert into artifact_leases (key, owner, expires_at) values (?, 'a worker that died', now() - interval '1 second')", key);
        AtomicInteger computations = new AtomicInteger();
        AtomicReference<String> stored = new AtomicReference<>();
        String result = new ArtifactLeases(jdbc).once(key, Duration.ofSeconds(30), null,
                () -> Optional.ofNullable(stored.get()), () -> compute(computations, stored));
        assertThat(result).isEqualTo("transcript");
        assertThat(computations).hasValue(1);
        assertThat(jdbc.queryForObject("select count(*) from artifact_leases where key = ?", Integer.class, key)).isZero();
    }

    private static String compute(AtomicInteger computations, AtomicReference<String> stored) {
        computations.incrementAndGet();
        Stack.sleep(1500);
        stored.set("transcript");
        return "transcript";
    }
}
