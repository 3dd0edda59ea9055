package dev.clipforge.api.clips;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

import java.time.Duration;

/**
 * Listens on Postgres's {@code clip_snapshots} channel, where the workers announce every published snapshot
 * ({@code clip_id:state_version}), so long polls and event streams answer as soon as a run moves.
 */
@Component
public class SnapshotNotifications implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SnapshotNotifications.class);
    static final String CHANNEL = "clip_snapshots";

    private final ConnectionFactory factory;
    private final Sinks.Many<String> sink = Sinks.many().multicast().directBestEffort();
    private volatile Disposable subscription;

    public SnapshotNotifications(ConnectionFactory connectionFactory) {
        this.factory = connectionFactory instanceof ConnectionPool pool ? pool.unwrap()
                : connectionFactory instanceof Wrapped<?> w && w.unwrap() instanceof ConnectionFactory f ? f : connectionFactory;
    }

    /** Clip ids, one per published snapshot. */
    public Flux<String> clipIds() {
        return sink.asFlux();
    }

    @Override
    public void start() {
        subscription = Mono.from(factory.create())
                .cast(PostgresqlConnection.class)
                .flatMapMany(c -> c.createStatement("LISTEN " + CHANNEL).execute().flatMap(r -> r.getRowsUpdated())
                        .thenMany(c.getNotifications())
                        .doFinally(s -> Mono.from(c.close()).subscribe()))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500)).maxBackoff(Duration.ofSeconds(10))
                        .doBeforeRetry(r -> log.debug("snapshot notifications reconnecting: {}", r.failure().getMessage())))
                .subscribe(n -> {
                    String payload = n.getParameter();
                    if (payload != null) {
                        sink.tryEmitNext(payload.substring(0, payload.indexOf(':') < 0 ? payload.length() : payload.indexOf(':')));
                    }
                });
    }

    @Override
    @PreDestroy
    public void stop() {
        Disposable s = subscription;
        if (s != null) {
            s.dispose();
            subscription = null;
        }
    }

    @Override
    public boolean isRunning() {
        return subscription != null;
    }
}
