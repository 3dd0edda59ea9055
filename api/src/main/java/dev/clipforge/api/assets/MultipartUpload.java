package dev.clipforge.api.assets;

import dev.clipforge.api.error.ApiException;
import dev.clipforge.common.store.ObjectStore;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Streams one uploaded file part into the object store as an S3 multipart upload: at most one part
 * buffer in memory, the size cap enforced as bytes arrive, and the upload aborted (nothing half-written)
 * on any failure.
 */
final class MultipartUpload {
    private static final int PART_BYTES = ObjectStore.MIN_PART_BYTES * 2;

    private MultipartUpload() {
    }

    static Mono<Long> stream(ObjectStore store, String key, String contentType, Flux<DataBuffer> content, long maxBytes) {
        return Mono.fromCallable(() -> new State(store.startMultipart(key, contentType == null ? "application/octet-stream" : contentType)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(state -> content
                        .publishOn(Schedulers.boundedElastic(), 4)
                        .doOnNext(buffer -> {
                            try {
                                state.append(buffer, maxBytes);
                            } finally {
                                DataBufferUtils.release(buffer);
                            }
                        })
                        .then(Mono.fromCallable(state::finish))
                        .onErrorResume(e -> Mono.fromRunnable(state::abort).subscribeOn(Schedulers.boundedElastic())
                                .then(Mono.error(e)))
                        .doOnCancel(state::abort));
    }

    private static final class State {
        private final ObjectStore.MultipartUpload upload;
        private final byte[] part = new byte[PART_BYTES];
        private int filled;
        private int parts;
        private long total;
        private boolean done;

        State(ObjectStore.MultipartUpload upload) {
            this.upload = upload;
        }

        void append(DataBuffer buffer, long maxBytes) {
            int n = buffer.readableByteCount();
            total += n;
            if (total > maxBytes) {
                throw ApiException.tooLarge("the file is larger than the " + maxBytes / (1024 * 1024) + " MB upload limit",
                        "upload a shorter or more compressed video");
            }
            while (n > 0) {
                int take = Math.min(n, part.length - filled);
                buffer.read(part, filled, take);
                filled += take;
                n -= take;
                if (filled == part.length) {
                    upload.uploadPart(part, filled);
                    parts++;
                    filled = 0;
                }
            }
        }

        long finish() {
            if (filled > 0 || parts == 0) {
                upload.uploadPart(part, filled);
            }
            upload.complete();
            done = true;
            return total;
        }

        synchronized void abort() {
            if (!done) {
                done = true;
                try {
                    upload.abort();
                } catch (RuntimeException ignored) {
                    // already aborted or never started: nothing is left behind either way
                }
            }
        }
    }
}
