package dev.clipforge.common.config;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param endpoint       URL of an S3-compatible store (https://s3.eu-west-1.amazonaws.com, http://minio:9000);
 *                       empty = embedded store under the data directory
 * @param publicEndpoint endpoint written into presigned URLs, when clients reach the store by another name; empty = endpoint
 * @param region         signing region
 * @param bucket         bucket holding every object ClipForge owns (created when missing)
 * @param accessKey      access key id; for the embedded store empty = generated once per data directory
 * @param secretKey      secret access key; for the embedded store empty = generated once per data directory
 * @param pathStyle      path-style addressing (MinIO, s3proxy); false for virtual-hosted AWS buckets
 * @param embeddedPort   port of the embedded store on loopback; 0 = any free port
 * @param connectTimeout how long to try reaching the store at start before giving up
 * @param presignTtl     lifetime of presigned download URLs
 */
public record ObjectStoreSettings(
        @DefaultValue("") String endpoint,
        @DefaultValue("") String publicEndpoint,
        @DefaultValue("us-east-1") String region,
        @DefaultValue("clipforge") String bucket,
        @DefaultValue("") String accessKey,
        @DefaultValue("") String secretKey,
        @DefaultValue("true") boolean pathStyle,
        @DefaultValue("0") int embeddedPort,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("1h") Duration presignTtl) {

    public boolean embedded() {
        return endpoint.isBlank();
    }
}
