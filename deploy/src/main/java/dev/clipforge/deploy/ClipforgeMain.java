package dev.clipforge.deploy;

import dev.clipforge.deploy.cli.BenchCommand;
import dev.clipforge.deploy.cli.ClipCommand;
import dev.clipforge.deploy.cli.DemoCommand;
import dev.clipforge.deploy.cli.SuggestionEval;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code clipforge serve}: the whole product in one JVM. Without settings every service is embedded and
 * bound to loopback; each {@code CLIPFORGE_*} setting swaps an embedded service for a real one.
 */
public final class ClipforgeMain {
    private ClipforgeMain() {
    }

    public static void main(String[] args) {
        nativeCaches();
        String command = args.length == 0 ? "serve" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        int exit = switch (command) {
            case "serve" -> serve(rest);
            case "clip" -> new ClipCommand(System.out).run(rest);
            case "demo" -> new DemoCommand(System.out).run(rest);
            case "bench" -> new BenchCommand(System.out).run(rest);
            case "eval" -> new SuggestionEval(System.out).run(rest);
            case "help", "--help", "-h" -> usage(0);
            default -> {
                System.err.println("unknown command: " + command);
                yield usage(2);
            }
        };
        if (exit != 0 || !"serve".equals(command)) {
            // clip, demo and bench end here; the embedded services' non-daemon threads would otherwise keep the JVM up
            System.exit(exit);
        }
    }

    /**
     * JavaCPP and DJL unpack native libraries (hundreds of MB) on first use: into a stable per-user cache,
     * not the temporary directory, unless the operator chose a place. DJL never downloads anything.
     */
    static void nativeCaches() {
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "clipforge");
        if (System.getProperty("org.bytedeco.javacpp.cachedir") == null) {
            System.setProperty("org.bytedeco.javacpp.cachedir", cache.resolve("javacpp").toString());
        }
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", cache.resolve("djl").toString());
        }
        System.setProperty("ai.djl.offline", "true");
    }

    static int serve(String[] args) {
        try {
            ConfigurableApplicationContext context = start(args);
            return context.isActive() ? 0 : 1;
        } catch (RuntimeException e) {
            // Spring Boot has already reported the failure (one paragraph for an unreachable service)
            return 1;
        }
    }

    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplication(ClipforgeApplication.class).run(args);
    }

    private static int usage(int code) {
        (code == 0 ? System.out : System.err).println("""
                usage: clipforge <command> [options]

                  serve                 run the API, MCP endpoint and workers (embedded services by default)
                  clip <file-or-url>    make vertical clips of a video (see clipforge clip --help)
                  demo                  make a sample podcast from Debian package media and clip it
                  bench render|pipeline|visual|ingest|transcribe|suggest
                                        the benchmarks the README quotes (medians, with a baseline)
                  eval suggestions      the suggestion engine against the evaluation set in eval/suggestions
                  help                  this text

                Settings are environment variables (CLIPFORGE_DB_URL, ...) or --clipforge.* options; see README.md.""");
        return code;
    }
}
