package dev.clipforge.activities.webhooks;

import dev.clipforge.common.config.WebhookSettings;
import dev.clipforge.workflows.TaskQueues;
import dev.clipforge.workflows.webhooks.WebhookDeliveryWorkflow;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts a delivery workflow for each pending delivery the outbox wrote. A delivery whose workflow was lost (the
 * embedded Temporal keeps history in memory) is started again after a while; one still running is left alone.
 * Several worker processes may dispatch at once: rows are claimed with {@code skip locked} and the workflow id is
 * the delivery's.
 */
public final class WebhookDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final Duration REDISPATCH_AFTER = Duration.ofMinutes(10);
    private static final int BATCH = 100;

    private final JdbcTemplate jdbc;
    private final WorkflowClient temporal;
    private final WebhookSettings settings;
    private ScheduledExecutorService timer;

    public WebhookDispatcher(JdbcTemplate jdbc, WorkflowClient temporal, WebhookSettings settings) {
        this.jdbc = jdbc;
        this.temporal = temporal;
        this.settings = settings;
    }

    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "clipforge-webhook-dispatch");
            t.setDaemon(true);
            return t;
        });
        long every = settings.dispatchInterval().toMillis();
        timer.scheduleWithFixedDelay(this::dispatchQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    private void dispatchQuietly() {
        try {
            dispatch();
        } catch (RuntimeException e) {
            log.warn("webhook dispatch failed; trying again in {}: {}", settings.dispatchInterval(), e.getMessage());
        }
    }

    /** Starts the workflows of the deliveries waiting for one; returns how many it claimed. */
    public int dispatch() {
        List<String> claimed = jdbc.queryForList("""
                        update webhook_deliveries set dispatched_at = now() where id in (
                            select id from webhook_deliveries
                            where status = 'pending' and (dispatched_at is null or dispatched_at < now() - make_interval(secs => ?))
                            order by created_at limit ? for update skip locked)
                        returning id""",
                String.class, (double) REDISPATCH_AFTER.toSeconds(), BATCH);
        for (String id : claimed) {
            WebhookDeliveryWorkflow workflow = temporal.newWorkflowStub(WebhookDeliveryWorkflow.class, WorkflowOptions.newBuilder()
                    .setWorkflowId(WebhookDeliveryWorkflow.workflowId(id))
                    .setTaskQueue(TaskQueues.CPU)
                    .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                    .build());
            try {
                WorkflowClient.start(workflow::deliver, new WebhookDeliveryWorkflow.Input(id, settings.maxAttempts(),
                        settings.retryInitialInterval(), settings.retryMaxInterval(), settings.timeout()));
            } catch (WorkflowExecutionAlreadyStarted e) {
                // still retrying from an earlier dispatch
            }
        }
        return claimed.size();
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
