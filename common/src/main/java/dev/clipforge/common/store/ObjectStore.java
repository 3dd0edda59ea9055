package dev.clipforge.common.store;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every object ClipForge owns lives in one bucket under deterministic keys, so a retried activity
 * overwrites what an earlier attempt wrote instead of leaving a second copy.
 */
public final class ObjectStore {
    /** S3 caps a single PUT at 5 GB; below that a streamed upload still needs parts of at least 5 MB. */
    public static final int MIN_PART_BYTES = 5 * 1024 * 1024;

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public ObjectStore(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    public String bucket() {
        return bucket;
    }

    public void ensureBucket() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchKeyException | software.amazon.awssdk.services.s3.model.NoSuchBucketException e) {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            s3.createBucket(b -> b.bucket(bucket));
        }
    }

    /** Cheap reachability check for health: one HEAD on the bucket. */
    public void ping() {
        s3.headBucket(b -> b.bucket(bucket));
    }

    public void put(String key, Path file, String contentType) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromFile(file));
    }

    public void put(String key, byte[] bytes, String contentType) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
    }

    public Optional<ObjectInfo> head(String key) {
        try {
            HeadObjectResponse r = s3.headObject(b -> b.bucket(bucket).key(key));
            return Optional.of(new ObjectInfo(key, r.contentLength(), r.contentType(), r.eTag()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public boolean exists(String key) {
        return head(key).isPresent();
    }

    public byte[] getBytes(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    public Optional<byte[]> findBytes(String key) {
        try {
            return Optional.of(getBytes(key));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    public ResponseInputStream<GetObjectResponse> open(String key) {
        return s3.getObject(b -> b.bucket(bucket).key(key));
    }

    /** Reads {@code length} bytes from {@code offset}; used to sniff a file's type without downloading it. */
    public byte[] getRange(String key, long offset, int length) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).range("bytes=" + offset + "-" + (offset + length - 1)))
                .asByteArray();
    }

    public void download(String key, Path target) {
        try {
            Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".dl-", ".part");
            try (InputStream in = open(key)) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            } catch (RuntimeException | java.io.IOException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }

    /** Deletes every object under {@code prefix}; returns how many went. */
    public int deletePrefix(String prefix) {
        int deleted = 0;
        List<ObjectIdentifier> batch = new ArrayList<>();
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
            batch.add(ObjectIdentifier.builder().key(o.key()).build());
            if (batch.size() == 1000) {
                deleted += deleteBatch(batch);
            }
        }
        return deleted + deleteBatch(batch);
    }

    private int deleteBatch(List<ObjectIdentifier> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        int n = batch.size();
        List<ObjectIdentifier> copy = List.copyOf(batch);
        s3.deleteObjects(b -> b.bucket(bucket).delete(Delete.builder().objects(copy).quiet(true).build()));
        batch.clear();
        return n;
    }

    public List<String> list(String prefix) {
        List<String> keys = new ArrayList<>();
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
            keys.add(o.key());
        }
        return keys;
    }

    /** A presigned GET; {@code downloadName} sets Content-Disposition so browsers save a sensible file name. */
    public PresignedUrl presignGet(String key, Duration ttl, String downloadName) {
        var req = presigner.presignGetObject(p -> p.signatureDuration(ttl).getObjectRequest(g -> {
            g.bucket(bucket).key(key);
            if (downloadName != null) {
                g.responseContentDisposition("attachment; filename=\"" + downloadName.replace("\"", "") + "\"");
            }
        }));
        return new PresignedUrl(URI.create(req.url().toString()), req.expiration());
    }

    /**
     * A presigned PUT that signs the content type and length, so the store refuses a body of another
     * size than the one the client declared (and was checked against the upload cap).
     */
    public PresignedUrl presignPut(String key, String contentType, long contentLength, Duration ttl) {
        var req = presigner.presignPutObject(p -> p.signatureDuration(ttl)
                .putObjectRequest(o -> o.bucket(bucket).key(key).contentType(contentType).contentLength(contentLength)));
        return new PresignedUrl(URI.create(req.url().toString()), req.expiration());
    }

    public MultipartUpload startMultipart(String key, String contentType) {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(contentType)).uploadId();
        return new MultipartUpload(key, uploadId);
    }

    public record PresignedUrl(URI url, Instant expiresAt) {
    }

    /** A streamed upload in parts; the caller buffers at least {@link #MIN_PART_BYTES} per part but the last. */
    public final class MultipartUpload {
        private final String key;
        private final String uploadId;
        private final List<CompletedPart> parts = new ArrayList<>();

        private MultipartUpload(String key, String uploadId) {
            this.key = key;
            this.uploadId = uploadId;
        }

        public void uploadPart(byte[] bytes, int length) {
            int partNumber = parts.size() + 1;
            String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber)
                    .contentLength((long) length), RequestBody.fromInputStream(new java.io.ByteArrayInputStream(bytes, 0, length), length)).eTag();
            parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
        }

        public void complete() {
            s3.completeMultipartUpload(CompleteMultipartUploadRequest.builder().bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()).build());
        }

        public void abort() {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        }
    }

    /** Streams an input of unknown length to {@code key} in parts, aborting cleanly on failure. */
    public long putStream(String key, InputStream in, String contentType) {
        MultipartUpload upload = startMultipart(key, contentType);
        byte[] buf = new byte[MIN_PART_BYTES * 2];
        long total = 0;
        try {
            int filled = 0;
            int n;
            while ((n = in.read(buf, filled, buf.length - filled)) != -1) {
                filled += n;
                total += n;
                if (filled == buf.length) {
                    upload.uploadPart(buf, filled);
                    filled = 0;
                }
            }
            if (filled > 0 || upload.parts.isEmpty()) {
                upload.uploadPart(buf, filled);
            }
            upload.complete();
            return total;
        } catch (java.io.IOException | RuntimeException e) {
            upload.abort();
            if (e instanceof java.io.IOException io) {
                throw new java.io.UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
    }
}
