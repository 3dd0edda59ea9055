package dev.clipforge.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Starts the launcher as its own process, as an operator would, with an external service that is not there. */
class UnreachableServiceTest {

    record Outcome(int exitCode, String output) {
    }

    static Outcome launch(Path dataDir, String... settings) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"),
                ClipforgeMain.class.getName(), "serve",
                "--clipforge.data-dir=" + dataDir, "--clipforge.http.port=0"));
        command.addAll(List.of(settings));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Outcome(process.exitValue(), output);
    }

    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void unreachableDatabaseExitsWithOneParagraphNamingTheSetting(@TempDir Path dataDir) throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/clipforge";
        Outcome outcome = launch(dataDir, "--clipforge.db.url=" + url, "--clipforge.db.connect-timeout=2s");

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.output())
                .contains("ClipForge could not reach Postgres at " + url)
                .contains("CLIPFORGE_DB_URL")
                .contains("leave it unset to use the embedded Postgres")
                .doesNotContain("\tat ");
    }

    @Test
    void unreachableTemporalExitsWithOneParagraphNamingTheSetting(@TempDir Path dataDir) throws Exception {
        String target = "127.0.0.1:" + closedPort();
        Outcome outcome = launch(dataDir, "--clipforge.temporal.target=" + target, "--clipforge.temporal.connect-timeout=2s");

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.output())
                .contains("ClipForge could not reach Temporal at " + target)
                .contains("CLIPFORGE_TEMPORAL_TARGET")
                .doesNotContain("\tat ");
    }

    @Test
    void unreachableObjectStoreExitsWithOneParagraphNamingTheSetting(@TempDir Path dataDir) throws Exception {
        String endpoint = "http://127.0.0.1:" + closedPort();
        Outcome outcome = launch(dataDir, "--clipforge.s3.endpoint=" + endpoint, "--clipforge.s3.access-key=a",
                "--clipforge.s3.secret-key=b", "--clipforge.s3.connect-timeout=2s");

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.output())
                .contains("ClipForge could not reach the object store at " + endpoint)
                .contains("CLIPFORGE_S3_ENDPOINT")
                .doesNotContain("\tat ");
    }
}
