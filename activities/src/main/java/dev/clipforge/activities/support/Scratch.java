package dev.clipforge.activities.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** A private working directory for one activity attempt, deleted with everything in it when closed. */
public final class Scratch implements AutoCloseable {
    private final Path dir;

    private Scratch(Path dir) {
        this.dir = dir;
    }

    public static Scratch in(Path root, String purpose) {
        try {
            Files.createDirectories(root);
            return new Scratch(Files.createTempDirectory(root, purpose + "-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create scratch space under " + root, e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    @Override
    public void close() {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean scratch space " + dir, e);
        }
    }
}
