package dev.clipforge.deploy.infra;

import dev.clipforge.common.config.ClipforgeProperties;
import dev.clipforge.common.store.ObjectStores;
import dev.clipforge.deploy.embedded.EmbeddedObjectStoreService;
import dev.clipforge.deploy.embedded.EmbeddedPostgresService;
import dev.clipforge.deploy.embedded.EmbeddedTemporalService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Where Postgres, Temporal and the object store are: the configured services, or embedded ones started
 * here (in parallel: they do not depend on each other). Every client bean depends on this one, so Spring
 * closes the clients first and the embedded services last.
 */
public final class ServiceEndpoints implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServiceEndpoints.class);

    public record Database(String jdbcUrl, String username, String password, boolean embedded) {
    }

    public record Temporal(String target, String namespace, boolean embedded) {
    }

    private final Database database;
    private final Temporal temporal;
    private final ObjectStores.Endpoint objectStore;
    private final boolean objectStoreEmbedded;
    private final List<AutoCloseable> embedded;

    private ServiceEndpoints(Database database, Temporal temporal, ObjectStores.Endpoint objectStore,
                             boolean objectStoreEmbedded, List<AutoCloseable> embedded) {
        this.database = database;
        this.temporal = temporal;
        this.objectStore = objectStore;
        this.objectStoreEmbedded = objectStoreEmbedded;
        this.embedded = embedded;
    }

    public static ServiceEndpoints start(ClipforgeProperties p) {
        var db = p.db();
        var t = p.temporal();
        var s3 = p.s3();
        CompletableFuture<EmbeddedPostgresService> pg = db.embedded()
                ? CompletableFuture.supplyAsync(() -> EmbeddedPostgresService.start(p.dataDir(), db.embeddedPort()))
                : CompletableFuture.completedFuture(null);
        CompletableFuture<EmbeddedTemporalService> temporal = t.embedded()
                ? CompletableFuture.supplyAsync(() -> EmbeddedTemporalService.start(t.embeddedPort()))
                : CompletableFuture.completedFuture(null);
        EmbeddedSecrets secrets = s3.embedded() ? EmbeddedSecrets.load(p.dataDir()) : null;
        CompletableFuture<EmbeddedObjectStoreService> store = s3.embedded()
                ? CompletableFuture.supplyAsync(() -> EmbeddedObjectStoreService.start(p.dataDir(), s3.embeddedPort(),
                        secrets.objectStoreAccessKey(), secrets.objectStoreSecretKey()))
                : CompletableFuture.completedFuture(null);

        List<AutoCloseable> started = new ArrayList<>();
        try {
            EmbeddedPostgresService pgService = join(pg, started);
            EmbeddedTemporalService temporalService = join(temporal, started);
            EmbeddedObjectStoreService storeService = join(store, started);

            Database database = pgService != null
                    ? new Database(pgService.jdbcUrl(), EmbeddedPostgresService.USER, "", true)
                    : new Database(db.url(), db.username(), db.password(), false);
            Temporal temporalEndpoint = temporalService != null
                    ? new Temporal(temporalService.target(), t.namespace(), true)
                    : new Temporal(t.target(), t.namespace(), false);
            ObjectStores.Endpoint storeEndpoint;
            if (storeService != null) {
                URI uri = storeService.endpoint();
                storeEndpoint = new ObjectStores.Endpoint(uri, uri, s3.region(), s3.bucket(),
                        secrets.objectStoreAccessKey(), secrets.objectStoreSecretKey(), true);
            } else {
                URI uri = URI.create(s3.endpoint());
                URI publicUri = s3.publicEndpoint().isBlank() ? uri : URI.create(s3.publicEndpoint());
                storeEndpoint = new ObjectStores.Endpoint(uri, publicUri, s3.region(), s3.bucket(),
                        s3.accessKey(), s3.secretKey(), s3.pathStyle());
            }
            return new ServiceEndpoints(database, temporalEndpoint, storeEndpoint, storeService != null, started);
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    private static <T extends AutoCloseable> T join(CompletableFuture<T> future, List<AutoCloseable> started) {
        try {
            T service = future.join();
            if (service != null) {
                started.add(service);
            }
            return service;
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    public Database database() {
        return database;
    }

    public Temporal temporal() {
        return temporal;
    }

    public ObjectStores.Endpoint objectStore() {
        return objectStore;
    }

    public boolean objectStoreEmbedded() {
        return objectStoreEmbedded;
    }

    @Override
    public void close() {
        closeAll(embedded);
    }

    private static void closeAll(List<AutoCloseable> services) {
        for (int i = services.size() - 1; i >= 0; i--) {
            try {
                services.get(i).close();
            } catch (Exception e) {
                log.warn("embedded service {} did not stop cleanly: {}", services.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        services.clear();
    }
}
