package dev.clipforge.workflows.webhooks;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

import java.time.Duration;

/** Delivers one webhook event to one endpoint: attempts with backoff until one succeeds or attempts run out. */
@WorkflowInterface
public interface WebhookDeliveryWorkflow {

    /**
     * @param maxAttempts     attempts before the delivery is marked failed
     * @param initialInterval wait before the second attempt; each later wait doubles up to {@code maxInterval}
     */
    record Input(String deliveryId, int maxAttempts, Duration initialInterval, Duration maxInterval, Duration timeout) {
    }

    @WorkflowMethod
    void deliver(Input input);

    static String workflowId(String deliveryId) {
        return "webhook-" + deliveryId;
    }
}
