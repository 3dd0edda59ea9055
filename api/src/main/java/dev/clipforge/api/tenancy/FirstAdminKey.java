package dev.clipforge.api.tenancy;

import dev.clipforge.common.config.ClipforgeProperties;
import dev.clipforge.common.config.ConditionalOnRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/**
 * On the first start of a new data directory (a database with no keys), creates the admin key, writes it to
 * {@code <data-dir>/admin-api-key} (owner-only) and prints it once. With auth disabled, says so instead.
 */
@Component
@ConditionalOnRole(ClipforgeProperties.Role.API)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class FirstAdminKey implements ApplicationRunner {
    public static final String FILE = "admin-api-key";
    private static final Logger log = LoggerFactory.getLogger(FirstAdminKey.class);

    private final ApiKeyService keys;
    private final ClipforgeProperties properties;

    public FirstAdminKey(ApiKeyService keys, ClipforgeProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.authDisabled()) {
            log.warn("AUTHENTICATION IS DISABLED (CLIPFORGE_AUTH=disabled): development mode, every caller is the admin of"
                    + " the default organisation; serving on loopback only");
            return;
        }
        String key = keys.createFirstAdminKey().block(Duration.ofSeconds(30));
        if (key == null) {
            return;
        }
        Path file = properties.dataDir().resolve(FILE).toAbsolutePath();
        write(file, key);
        log.warn("Created the first admin API key, shown this once and kept in {} (owner-only): {}", file, key);
    }

    private static void write(Path file, String key) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".admin-key", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, key + "\n");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the admin API key to " + file, e);
        }
    }
}
