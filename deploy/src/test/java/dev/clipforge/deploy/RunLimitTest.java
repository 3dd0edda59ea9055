package dev.clipforge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** An organisation's concurrent-run limit: runs beyond it wait their turn as queued, then run; none is refused. */
class RunLimitTest {
    /** Statuses of a run that is doing work, and so holds one of the organisation's slots. */
    static final Set<String> WORKING = Set.of("transcribing", "suggesting", "analyzing", "layout", "captioning", "rendering",
            "qa", "exporting");

    @Test
    void theThirdRunQueuesUntilOneOfTheFirstTwoRestsThenRuns() {
        Stack stack = SharedStack.get();
        Tenants.Tenant t = Tenants.create(stack, "two at a time", Map.of("concurrent_runs", 2));
        String project = t.api().createProject("queue");
        String asset = t.api().upload(project, TestVideos.podcast().file()).path("asset_id").asText();
        List<String> clips = new ArrayList<>();
        for (double start : new double[]{1, 6, 11}) {
            clips.add(t.api().postJson("/v1/clips", Map.of("source", Map.of("source_type", "asset", "asset_id", asset),
                    "selection", Map.of("selection_mode", "time_range", "start_seconds", start, "end_seconds", start + 4),
                    "target", Map.of("min_duration_seconds", 2, "max_duration_seconds", 10)), 201).path("clip_id").asText());
        }

        boolean sawQueued = false;
        int mostWorking = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
        while (System.nanoTime() < deadline) {
            List<JsonNode> runs = clips.stream().map(id -> t.api().get("/v1/clips/" + id, 200)).toList();
            int working = (int) runs.stream().filter(r -> WORKING.contains(r.path("status").asText())).count();
            mostWorking = Math.max(mostWorking, working);
            for (JsonNode r : runs) {
                if (r.path("status").asText().equals("queued")) {
                    sawQueued = true;
                    assertThat(r.path("next_action").asText()).isEqualTo("poll");
                    assertThat(r.path("blocking_reason").asText()).isEqualTo("run_limit_reached");
                }
            }
            if (runs.stream().allMatch(r -> !r.path("next_action").asText().equals("poll"))) {
                assertThat(runs).allSatisfy(r -> assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("ready"));
                break;
            }
            Stack.sleep(150);
        }
        assertThat(sawQueued).as("one of three runs waited as queued").isTrue();
        assertThat(mostWorking).as("runs working at once").isBetween(1, 2);
    }
}
