package dev.clipforge.activities.support;

import dev.clipforge.common.store.ObjectStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Sources kept on the worker's disk between activities: analysis, render, QA and export of one clip all
 * read the same source, and downloading a long recording for each would dominate their time. Least
 * recently used files go once the cache passes its size.
 */
public final class SourceCache {
    private final ObjectStore store;
    private final Path dir;
    private final long maxBytes;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    public SourceCache(ObjectStore store, Path dir, long maxBytes) {
        this.store = store;
        this.dir = dir;
        this.maxBytes = maxBytes;
    }

    /** The object as a local file; downloaded on first use, shared by concurrent callers. */
    public Path get(String key) {
        Path file = dir.resolve(key.replaceAll("[^A-Za-z0-9._-]", "_"));
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            try {
                if (!Files.exists(file)) {
                    Files.createDirectories(dir);
                    store.download(key, file);
                    evict(file);
                }
                Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot cache " + key, e);
            }
        }
    }

    private void evict(Path keep) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.filter(Files::isRegularFile).sorted(Comparator.comparing(SourceCache::modified)).toList();
            long total = 0;
            for (Path p : all) {
                total += Files.size(p);
            }
            for (Path p : all) {
                if (total <= maxBytes) {
                    break;
                }
                if (!p.equals(keep)) {
                    total -= Files.size(p);
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
