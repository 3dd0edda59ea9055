package dev.clipforge.deploy.workers;

import dev.clipforge.common.config.ClipforgeProperties;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts the Temporal workers once the context is ready and stops them first at shutdown (before the
 * clients and services they use), letting running activities finish within the grace period. While
 * running it records each polled queue in {@code worker_pollers} for {@code /v1/health}.
 */
public final class WorkerLifecycle implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(WorkerLifecycle.class);
    private static final java.time.Duration HEARTBEAT_THROTTLE = java.time.Duration.ofSeconds(3);

    private final WorkflowClient client;
    private final List<QueueWorker> queues;
    private final JdbcTemplate jdbc;
    private final ClipforgeProperties properties;
    private final String identity = ManagementFactory.getRuntimeMXBean().getName();
    private WorkerFactory factory;
    private ScheduledExecutorService heartbeat;
    private volatile boolean running;

    public WorkerLifecycle(WorkflowClient client, List<QueueWorker> queues, JdbcTemplate jdbc, ClipforgeProperties properties) {
        this.client = client;
        this.queues = queues;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (queues.isEmpty()) {
            return;
        }
        factory = WorkerFactory.newInstance(client);
        for (QueueWorker q : queues) {
            Worker worker = factory.newWorker(q.taskQueue(), WorkerOptions.newBuilder()
                    .setMaxConcurrentActivityExecutionSize(q.maxConcurrentActivities())
                    .setMaxConcurrentLocalActivityExecutionSize(Math.max(4, q.maxConcurrentActivities()))
                    .setMaxConcurrentWorkflowTaskExecutionSize(properties.workers().workflowSlots())
                    // heartbeats are how a superseded render learns it was cancelled: report them promptly
                    .setDefaultHeartbeatThrottleInterval(HEARTBEAT_THROTTLE)
                    .setMaxHeartbeatThrottleInterval(HEARTBEAT_THROTTLE)
                    .build());
            q.registrations().accept(worker);
        }
        factory.start();
        running = true;
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "worker-poller-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long every = properties.workers().heartbeatInterval().toMillis();
        heartbeat.scheduleAtFixedRate(this::recordPollers, 0, every, TimeUnit.MILLISECONDS);
        log.info("workers polling {}", queues.stream().map(QueueWorker::taskQueue).toList());
    }

    private void recordPollers() {
        if (!running || factory == null || !factory.isStarted() || factory.isShutdown()) {
            return;
        }
        try {
            for (QueueWorker q : queues) {
                jdbc.update("""
                        insert into worker_pollers (task_queue, identity, started_at, last_seen_at)
                        values (?, ?, now(), now())
                        on conflict (task_queue, identity) do update set last_seen_at = now()""",
                        q.taskQueue(), identity);
            }
        } catch (RuntimeException e) {
            log.warn("could not record worker pollers: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        heartbeat.shutdownNow();
        factory.shutdown();
        long grace = properties.workers().shutdownGrace().toMillis();
        factory.awaitTermination(grace, TimeUnit.MILLISECONDS);
        if (!factory.isTerminated()) {
            log.info("activities still running after {} ms; interrupting them", grace);
            factory.shutdownNow();
            factory.awaitTermination(5, TimeUnit.SECONDS);
        }
        try {
            jdbc.update("delete from worker_pollers where identity = ?", identity);
        } catch (RuntimeException e) {
            log.debug("could not remove worker pollers: {}", e.getMessage());
        }
        log.info("workers stopped");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Below the web server's phases (Boot stops graceful shutdown at DEFAULT_PHASE - 1024 and the server at
     * - 2048): workers start before the server and stop after it, so no request arrives while they drain.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
