package dev.clipforge.workflows.webhooks;

import io.temporal.activity.ActivityInterface;

/** One delivery attempt, and the verdict when attempts run out. */
@ActivityInterface
public interface WebhookActivities {
    /**
     * POSTs the signed event to the endpoint and records the attempt. Fails (to be retried) on anything but a 2xx
     * answer; succeeds without sending when the endpoint was deleted or the delivery already ended.
     */
    void attemptDelivery(String deliveryId);

    void markDeliveryFailed(String deliveryId);
}
