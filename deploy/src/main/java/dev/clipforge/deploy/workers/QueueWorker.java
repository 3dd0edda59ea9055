package dev.clipforge.deploy.workers;

import io.temporal.worker.Worker;

import java.util.function.Consumer;

/** One task queue this process polls, with what it registers on it. */
public record QueueWorker(String taskQueue, int maxConcurrentActivities, Consumer<Worker> registrations) {
}
