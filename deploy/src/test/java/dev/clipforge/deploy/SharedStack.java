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
                        "--clipforge.ingest.url-allow-list=localhost");
                Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
                stack.awaitHealthy(java.time.Duration.ofSeconds(90));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return stack;
    }
}
