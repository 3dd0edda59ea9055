package dev.clipforge.common.config;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param timeout              longest wait for a webhook endpoint to answer one delivery attempt
 * @param maxAttempts          attempts per delivery before it is marked failed
 * @param retryInitialInterval wait before the second attempt; each later wait doubles
 * @param retryMaxInterval     longest wait between two attempts
 * @param dispatchInterval     how often a cpu worker looks for new deliveries to start
 */
public record WebhookSettings(
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("10s") Duration retryInitialInterval,
        @DefaultValue("1h") Duration retryMaxInterval,
        @DefaultValue("1s") Duration dispatchInterval) {
}
