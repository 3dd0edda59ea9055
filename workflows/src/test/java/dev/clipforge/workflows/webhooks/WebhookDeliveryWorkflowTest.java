package dev.clipforge.workflows.webhooks;

import dev.clipforge.workflows.TaskQueues;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The retry schedule of one delivery, with the endpoint played by an activity double (time skipped). */
class WebhookDeliveryWorkflowTest {
    private TestWorkflowEnvironment env;
    private final Endpoint endpoint = new Endpoint();

    /** Refuses the first {@code failures} attempts, then accepts. */
    static final class Endpoint implements WebhookActivities {
        volatile int failures;
        final AtomicInteger attempts = new AtomicInteger();
        final List<String> failed = new CopyOnWriteArrayList<>();

        @Override
        public void attemptDelivery(String deliveryId) {
            if (attempts.incrementAndGet() <= failures) {
                throw new IllegalStateException("endpoint answered 503");
            }
        }

        @Override
        public void markDeliveryFailed(String deliveryId) {
            failed.add(deliveryId);
        }
    }

    @BeforeEach
    void start() {
        env = TestWorkflowEnvironment.newInstance();
        Worker worker = env.newWorker(TaskQueues.CPU);
        worker.registerWorkflowImplementationTypes(WebhookDeliveryWorkflowImpl.class);
        worker.registerActivitiesImplementations(endpoint);
        env.start();
    }

    @AfterEach
    void stop() {
        env.close();
    }

    private void deliver(int maxAttempts) {
        env.getWorkflowClient().newWorkflowStub(WebhookDeliveryWorkflow.class, WorkflowOptions.newBuilder()
                        .setWorkflowId(WebhookDeliveryWorkflow.workflowId("whd_1")).setTaskQueue(TaskQueues.CPU).build())
                .deliver(new WebhookDeliveryWorkflow.Input("whd_1", maxAttempts, Duration.ofSeconds(10),
                        Duration.ofMinutes(10), Duration.ofSeconds(5)));
    }

    @Test
    void aRefusedAttemptIsRetriedUntilOneSucceeds() {
        endpoint.failures = 3;
        long before = env.currentTimeMillis();
        deliver(8);
        assertThat(endpoint.attempts).hasValue(4);
        assertThat(endpoint.failed).isEmpty();
        // backoff 10 s, 20 s, 40 s between the four attempts
        assertThat(env.currentTimeMillis() - before).isGreaterThanOrEqualTo(70_000);
    }

    @Test
    void aDeliveryThatNeverSucceedsIsMarkedFailedAfterItsAttempts() {
        endpoint.failures = Integer.MAX_VALUE;
        deliver(5);
        assertThat(endpoint.attempts).hasValue(5);
        assertThat(endpoint.failed).containsExactly("whd_1");
    }
}
