package dev.clipforge.deploy.infra;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.clipforge.common.config.ClipforgeProperties;
import dev.clipforge.common.store.ObjectStore;
import dev.clipforge.common.store.ObjectStores;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.ConnectionFactory;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import javax.sql.DataSource;
import java.net.URI;
import java.time.Duration;

/**
 * Clients of the three services. Each checks its service once at start and reports an unreachable one
 * as {@link ServiceUnreachableException} with the setting to change.
 */
@Configuration(proxyBeanMethods = false)
public class InfrastructureConfiguration {

    @Bean(destroyMethod = "close")
    ServiceEndpoints serviceEndpoints(ClipforgeProperties properties) {
        return ServiceEndpoints.start(properties);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(ServiceEndpoints endpoints, ClipforgeProperties properties) {
        var db = endpoints.database();
        HikariConfig config = new HikariConfig();
        config.setPoolName("clipforge-jdbc");
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.username());
        config.setPassword(db.password());
        config.setMaximumPoolSize(properties.db().poolSize());
        config.setMinimumIdle(1);
        config.setConnectionTimeout(properties.db().connectTimeout().toMillis());
        config.setInitializationFailTimeout(properties.db().connectTimeout().toMillis());
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new ServiceUnreachableException("Postgres", redact(db.jdbcUrl()), "CLIPFORGE_DB_URL (clipforge.db.url)", e);
        }
    }

    @Bean(destroyMethod = "dispose")
    ConnectionPool connectionFactory(ServiceEndpoints endpoints, ClipforgeProperties properties,
                                     @SuppressWarnings("unused") DataSource checkedFirst) {
        var db = endpoints.database();
        JdbcUrl url = JdbcUrl.parse(db.jdbcUrl());
        PostgresqlConnectionConfiguration.Builder c = PostgresqlConnectionConfiguration.builder()
                .host(url.host()).port(url.port()).database(url.database())
                .username(url.user().orElse(db.username()))
                .connectTimeout(properties.db().connectTimeout());
        String password = url.password().orElse(db.password());
        if (!password.isEmpty()) {
            c.password(password);
        }
        ConnectionFactory factory = new PostgresqlConnectionFactory(c.build());
        return new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
                .name("clipforge-r2dbc")
                .initialSize(1)
                .maxSize(properties.db().poolSize())
                .maxIdleTime(Duration.ofMinutes(5))
                // an exhausted pool fails a request with an error instead of hanging it
                .maxAcquireTime(Duration.ofSeconds(15))
                .build());
    }

    @Bean(destroyMethod = "shutdown")
    WorkflowServiceStubs workflowServiceStubs(ServiceEndpoints endpoints, ClipforgeProperties properties) {
        String target = endpoints.temporal().target();
        try {
            return WorkflowServiceStubs.newConnectedServiceStubs(
                    WorkflowServiceStubsOptions.newBuilder().setTarget(target).build(),
                    properties.temporal().connectTimeout());
        } catch (RuntimeException e) {
            throw new ServiceUnreachableException("Temporal", target, "CLIPFORGE_TEMPORAL_TARGET (clipforge.temporal.target)", e);
        }
    }

    @Bean
    WorkflowClient workflowClient(WorkflowServiceStubs stubs, ServiceEndpoints endpoints) {
        return WorkflowClient.newInstance(stubs,
                WorkflowClientOptions.newBuilder().setNamespace(endpoints.temporal().namespace()).build());
    }

    @Bean(destroyMethod = "close")
    S3Client s3Client(ServiceEndpoints endpoints, ClipforgeProperties properties) {
        return ObjectStores.client(endpoints.objectStore(), properties.s3().connectTimeout());
    }

    @Bean(destroyMethod = "close")
    S3Presigner s3Presigner(ServiceEndpoints endpoints) {
        return ObjectStores.presigner(endpoints.objectStore());
    }

    @Bean
    ObjectStore objectStore(S3Client s3, S3Presigner presigner, ServiceEndpoints endpoints) {
        ObjectStore store = new ObjectStore(s3, presigner, endpoints.objectStore().bucket());
        try {
            store.ensureBucket();
        } catch (SdkException e) {
            throw new ServiceUnreachableException("the object store", endpoints.objectStore().uri().toString(),
                    "CLIPFORGE_S3_ENDPOINT (clipforge.s3.endpoint) and its credentials", e);
        }
        return store;
    }

    private static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    /** The parts of a jdbc:postgresql URL the R2DBC driver needs. */
    record JdbcUrl(String host, int port, String database, java.util.Optional<String> user,
                   java.util.Optional<String> password) {
        static JdbcUrl parse(String jdbcUrl) {
            if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
                throw new IllegalArgumentException("clipforge.db.url must start with jdbc:postgresql:// but was " + jdbcUrl);
            }
            URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
            java.util.Map<String, String> query = new java.util.HashMap<>();
            if (uri.getQuery() != null) {
                for (String pair : uri.getQuery().split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        query.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                }
            }
            String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
            return new JdbcUrl(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(),
                    path.isEmpty() ? "postgres" : path,
                    java.util.Optional.ofNullable(query.get("user")), java.util.Optional.ofNullable(query.get("password")));
        }
    }
}
