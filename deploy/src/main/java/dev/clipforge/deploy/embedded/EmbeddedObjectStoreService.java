package dev.clipforge.deploy.embedded;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An S3-compatible store (s3proxy) on loopback keeping objects as files under the data directory.
 * It verifies SigV4 signatures, so presigned URLs and their expiry are checked for real.
 */
public final class EmbeddedObjectStoreService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedObjectStoreService.class);

    private final S3Proxy proxy;
    private final URI endpoint;

    private EmbeddedObjectStoreService(S3Proxy proxy, URI endpoint) {
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    public static EmbeddedObjectStoreService start(Path dataDir, int port, String accessKey, String secretKey) {
        Path root = dataDir.resolve("objects");
        try {
            Files.createDirectories(root);
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(new FilesystemNio2BlobStore(root.toAbsolutePath().toString()))
                    .endpoint(URI.create("http://127.0.0.1:" + port))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                    .build();
            proxy.start();
            while (!"STARTED".equals(proxy.getState())) {
                Thread.sleep(10);
            }
            URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
            log.info("embedded object store on {} (objects in {})", endpoint, root);
            return new EmbeddedObjectStoreService(proxy, endpoint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("embedded object store did not start on port " + port, e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
