package dev.clipforge.deploy;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Arrays;

/**
 * {@code clipforge serve}: the whole product in one JVM. Without settings every service is embedded and
 * bound to loopback; each {@code CLIPFORGE_*} setting swaps an embedded service for a real one.
 */
public final class ClipforgeMain {
    private ClipforgeMain() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "serve" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        int exit = switch (command) {
            case "serve" -> serve(rest);
            case "help", "--help", "-h" -> usage(0);
            default -> {
                System.err.println("unknown command: " + command);
                yield usage(2);
            }
        };
        if (exit != 0) {
            System.exit(exit);
        }
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
                  help                  this text

                Settings are environment variables (CLIPFORGE_DB_URL, ...) or --clipforge.* options; see README.md.""");
        return code;
    }
}
