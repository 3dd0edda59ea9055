package dev.clipforge.api.idempotency;

import dev.clipforge.api.error.ApiException;
import dev.clipforge.api.tenancy.Tenancy;
import dev.clipforge.common.json.Json;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * {@code Idempotency-Key} for creating POSTs: the first request with a key claims it for the id it is about
 * to create; a repeat with the same body gets that id back, a repeat with another body is a 422. Keys are per
 * organisation: two organisations using the same key never meet.
 */
@Service
public class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    private final DatabaseClient db;

    public Idempotency(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Runs {@code create} with {@code newId} unless the key was used before, in which case it answers the
     * earlier resource's id through {@code existing}.
     */
    public <T> Mono<T> run(String scope, String key, Object request, String newId,
                           Function<String, Mono<T>> create, Function<String, Mono<T>> existing) {
        if (key == null) {
            return create.apply(newId);
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return Mono.error(ApiException.badRequest(HEADER + " must be 1 to " + MAX_KEY_LENGTH + " characters"));
        }
        String hash = hash(request);
        return Tenancy.organisation().flatMap(org -> claim(org + "/" + scope, key, hash, newId, create, existing));
    }

    private <T> Mono<T> claim(String scope, String key, String hash, String newId,
                              Function<String, Mono<T>> create, Function<String, Mono<T>> existing) {
        return db.sql("""
                        insert into idempotency_keys (scope, key, request_hash, resource_id)
                        values (:scope, :key, :hash, :id) on conflict (scope, key) do nothing""")
                .bind("scope", scope).bind("key", key).bind("hash", hash).bind("id", newId)
                .fetch().rowsUpdated()
                .flatMap(inserted -> inserted == 1
                        ? create.apply(newId).onErrorResume(e -> release(scope, key).then(Mono.error(e)))
                        : db.sql("select request_hash, resource_id from idempotency_keys where scope = :scope and key = :key")
                        .bind("scope", scope).bind("key", key)
                        .map((row, meta) -> new String[]{row.get("request_hash", String.class), row.get("resource_id", String.class)})
                        .one()
                        .flatMap(prior -> prior[0].equals(hash)
                                ? existing.apply(prior[1])
                                : Mono.error(ApiException.unprocessable(HEADER + " '" + key
                                + "' was already used with a different request body; use a new key for a new request"))));
    }

    private Mono<Void> release(String scope, String key) {
        return db.sql("delete from idempotency_keys where scope = :scope and key = :key")
                .bind("scope", scope).bind("key", key).fetch().rowsUpdated().then();
    }

    static String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Json.write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
