package dev.clipforge.common.config;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param cpuSlots          concurrent activities on the clipforge-cpu worker (render, QA, export are CPU bound)
 * @param gpuSlots          concurrent activities on the clipforge-gpu worker (model inference)
 * @param workflowSlots     concurrent workflow tasks
 * @param heartbeatInterval how often a worker records itself as a poller for /v1/health
 * @param shutdownGrace     how long shutdown waits for running activities before interrupting them
 */
public record WorkerSettings(
        @DefaultValue("2") int cpuSlots,
        @DefaultValue("1") int gpuSlots,
        @DefaultValue("50") int workflowSlots,
        @DefaultValue("10s") Duration heartbeatInterval,
        @DefaultValue("10s") Duration shutdownGrace) {
}
