package dev.clipforge.common.store;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.time.Duration;

/** Builds the S3 client and presigner for one resolved endpoint. */
public final class ObjectStores {
    private ObjectStores() {
    }

    public record Endpoint(URI uri, URI publicUri, String region, String bucket, String accessKey, String secretKey,
                           boolean pathStyle) {
    }

    public static S3Client client(Endpoint e, Duration timeout) {
        return S3Client.builder()
                .endpointOverride(e.uri())
                .region(Region.of(e.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(e.accessKey(), e.secretKey())))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(e.pathStyle())
                        // s3proxy and MinIO answer plain SigV4; chunked payload signing is an AWS-only nicety
                        .chunkedEncodingEnabled(false).build())
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(timeout).socketTimeout(Duration.ofMinutes(5)))
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallAttemptTimeout(Duration.ofMinutes(10)).build())
                .build();
    }

    public static S3Presigner presigner(Endpoint e) {
        return S3Presigner.builder()
                .endpointOverride(e.publicUri())
                .region(Region.of(e.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(e.accessKey(), e.secretKey())))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(e.pathStyle()).build())
                .build();
    }
}
