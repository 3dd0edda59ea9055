package dev.clipforge.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One embedded stack for the API tests of this JVM: starting Postgres, Temporal and the store takes
 * seconds, so tests share it and isolate themselves by creating their own projects.
 */
public final class SharedStack {
    /** Small enough that the over-size tests send little; large enough for every fixture. */
    public static final int MAX_UPLOAD_MB = 40;
    private static Stack stack;

    private SharedStack() {
    }

    public static synchronized Stack get() {
        if (stack == null) {
            try {
                Path dir = Files.createTempDirectory("clipforge-shared-");
                stack = Stack.start(dir,
                        "--clipforge.ingest.max-upload-size=" + MAX_UPLOAD_MB + "MB",
                        // test servers listen on loopback: open them by name, keep 127.0.0.1 itself blocked
                        "--clipforge.ingest.url-allow-list=localhost",
                        // webhook deliveries are started and retried in test time, not in production time
                        "--clipforge.webhooks.dispatch-interval=200ms",
                        "--clipforge.webhooks.retry-initial-interval=300ms",
                        "--clipforge.webhooks.retry-max-interval=1s",
                        "--clipforge.webhooks.max-attempts=4",
                        // the tests' polling loops share the admin's organisation; rate limits are tested on their own
                        "--clipforge.limits.requests-per-minute=100000");
                Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
                stack.awaitHealthy(java.time.Duration.ofSeconds(90));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return stack;
    }
}
