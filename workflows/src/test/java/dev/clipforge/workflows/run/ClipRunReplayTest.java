package dev.clipforge.workflows.run;

import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.NonDeterministicException;
import io.temporal.workflow.Workflow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Replays histories recorded from {@link ClipRunWorkflowTest} (regenerate with
 * {@code mvn test -pl workflows -Dtest=ClipRunWorkflowTest -Dclipforge.recordHistories=$PWD/workflows/src/test/resources/histories}).
 * A change to the workflow that alters the commands of a shipped history fails here; such a change
 * must go behind {@code Workflow.getVersion}.
 */
class ClipRunReplayTest {

    static List<String> histories() {
        return ClipRunWorkflowTest.RECORDED;
    }

    @ParameterizedTest
    @MethodSource("histories")
    void recordedHistoriesReplay(String name) {
        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecutionFromResource(
                "histories/" + name + ".json", ClipRunWorkflowImpl.class)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @MethodSource("histories")
    void aChangedWorkflowIsCaught(String name) {
        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecutionFromResource(
                "histories/" + name + ".json", SleepsBeforeStartingWorkflow.class))
                .hasMessageContaining(NonDeterministicException.class.getName());
    }

    /** The shipped workflow with one unversioned change: a timer before it starts. */
    public static class SleepsBeforeStartingWorkflow extends ClipRunWorkflowImpl {
        @Override
        public ClipSnapshot run(ClipRunInput input) {
            Workflow.sleep(java.time.Duration.ofSeconds(1));
            return super.run(input);
        }
    }
}
