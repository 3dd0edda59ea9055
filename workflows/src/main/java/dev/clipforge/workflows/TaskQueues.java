package dev.clipforge.workflows;

import java.util.List;

/** Task-queue names in one place: a typo elsewhere would silently create a queue nobody polls. */
public final class TaskQueues {
    /** Workflow tasks and CPU activities: ingest, suggest, layout, captions, render, QA, export. */
    public static final String CPU = "clipforge-cpu";
    /** Model inference: transcription, voice activity, faces, active speaker. */
    public static final String GPU = "clipforge-gpu";

    /** Queues that must have a poller for the product to make progress. */
    public static final List<String> REQUIRED = List.of(CPU, GPU);

    private TaskQueues() {
    }
}
