package dev.clipforge.deploy.infra;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * Credentials of the embedded object store, generated on the first start of a data directory and kept
 * in it (owner-only), so a restart signs with the same keys and older presigned URLs stay valid.
 */
record EmbeddedSecrets(String objectStoreAccessKey, String objectStoreSecretKey) {

    static EmbeddedSecrets load(Path dataDir) {
        Path file = dataDir.resolve("secrets").resolve("object-store.properties");
        try {
            Properties props = new Properties();
            if (Files.exists(file)) {
                try (Reader r = Files.newBufferedReader(file)) {
                    props.load(r);
                }
            } else {
                Files.createDirectories(file.getParent());
                props.setProperty("access-key", "cf" + random(8));
                props.setProperty("secret-key", random(20));
                Path tmp = Files.createTempFile(file.getParent(), ".secret", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try (Writer w = Files.newBufferedWriter(tmp)) {
                    props.store(w, "embedded object store credentials; generated once per data directory");
                }
                Files.move(tmp, file);
            }
            return new EmbeddedSecrets(props.getProperty("access-key"), props.getProperty("secret-key"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
