package dev.clipforge.gpu.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Model files shipped inside the product, copied once to a local directory (engines load files, not
 * class-path resources) and checked against the checksum in {@code models/PROVENANCE.md}. Nothing is
 * ever downloaded.
 */
public final class ModelFiles {
    public static final String BLAZEFACE = "models/blazeface/face_detection_back_256x256_barracuda.onnx";
    public static final String BLAZEFACE_SHA256 = "427cbbe0fc41448d09e1dc9cfabe2423d997cf2faaeab91fadd09a510b63b8e2";
    public static final String SILERO_VAD = "models/silero/silero_vad.onnx";
    public static final String SILERO_VAD_SHA256 = "a35ebf52fd3ce5f1469b2a36158dba761bc47b973ea3382b3186ca15b1f5af28";

    private ModelFiles() {
    }

    public static Path extract(String resource, String sha256, Path directory) {
        Path target = directory.resolve(resource);
        try {
            if (Files.exists(target) && sha256(target).equals(sha256)) {
                return target;
            }
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".model", ".part");
            try (InputStream in = ModelFiles.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("model " + resource + " is missing from the product's jar");
                }
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            String actual = sha256(tmp);
            if (!actual.equals(sha256)) {
                Files.deleteIfExists(tmp);
                throw new IllegalStateException("model " + resource + " has checksum " + actual + ", expected " + sha256);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract model " + resource + " to " + directory, e);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
