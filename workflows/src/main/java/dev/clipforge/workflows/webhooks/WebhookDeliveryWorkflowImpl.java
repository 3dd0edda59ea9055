package dev.clipforge.workflows.webhooks;

import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;

import java.time.Duration;

public class WebhookDeliveryWorkflowImpl implements WebhookDeliveryWorkflow {

    @Override
    public void deliver(Input input) {
        WebhookActivities attempts = Workflow.newActivityStub(WebhookActivities.class, ActivityOptions.newBuilder()
                // a hung endpoint costs one attempt, not the delivery
                .setStartToCloseTimeout(input.timeout().plusSeconds(5))
                .setRetryOptions(RetryOptions.newBuilder()
                        .setInitialInterval(input.initialInterval())
                        .setBackoffCoefficient(2)
                        .setMaximumInterval(input.maxInterval())
                        .setMaximumAttempts(input.maxAttempts())
                        .build())
                .build());
        WebhookActivities verdicts = Workflow.newLocalActivityStub(WebhookActivities.class, LocalActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(10))
                .setScheduleToCloseTimeout(Duration.ofMinutes(10))
                .build());
        try {
            attempts.attemptDelivery(input.deliveryId());
        } catch (ActivityFailure e) {
            verdicts.markDeliveryFailed(input.deliveryId());
        }
    }
}
