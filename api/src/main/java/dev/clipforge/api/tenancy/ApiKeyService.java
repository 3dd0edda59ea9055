package dev.clipforge.api.tenancy;

import dev.clipforge.api.error.ApiException;
import dev.clipforge.api.page.Page;
import dev.clipforge.api.page.PageRequest;
import dev.clipforge.common.Ids;
import dev.clipforge.common.config.ClipforgeProperties;
import dev.clipforge.common.tenancy.Limits;
import dev.clipforge.common.tenancy.Organisations;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** API keys: authenticating a bearer key, and creating, listing and revoking keys. */
@Service
public class ApiKeyService {
    static final String ID_PREFIX = "key";
    /** {@code last_used_at} is a hint for people, not an audit trail: write it at most this often per key. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final ApiKeyRepository keys;
    private final OrganisationService organisations;
    private final ClipforgeProperties properties;
    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final Map<String, Long> lastTouched = new ConcurrentHashMap<>();

    public ApiKeyService(ApiKeyRepository keys, OrganisationService organisations, ClipforgeProperties properties,
                         DatabaseClient db, TransactionalOperator transactions) {
        this.keys = keys;
        this.organisations = organisations;
        this.properties = properties;
        this.db = db;
        this.transactions = transactions;
    }

    /** The caller a bearer key stands for; a 401 for a malformed, unknown or revoked key. */
    public Mono<Caller> authenticate(String key) {
        String prefix = ApiKeyTokens.prefixOf(key);
        if (prefix == null) {
            return Mono.error(unauthorized("the API key is malformed: ClipForge keys look like cfk_xxxxxxxx_ followed by 40 letters and digits"));
        }
        return keys.credential(prefix)
                .filter(c -> ApiKeyTokens.matches(key, c.keyHash()))
                .switchIfEmpty(Mono.error(() -> unauthorized("the API key is not known to this server")))
                .flatMap(c -> c.revoked() ? Mono.error(unauthorized("the API key " + prefix + " has been revoked"))
                        : touch(c.id()).thenReturn(new Caller(c.organisationId(), c.id(), c.role(), Limits.of(properties, c.limits()))));
    }

    /** The caller every request is when auth is disabled: the default organisation's admin. */
    public Mono<Caller> developmentCaller() {
        return organisations.limits(Organisations.DEFAULT).map(l -> new Caller(Organisations.DEFAULT, null, Role.ADMIN, l));
    }

    public Mono<CreatedApiKey> create(CreateApiKeyRequest r) {
        return Tenancy.owner().flatMap(caller -> {
            String name = r == null || r.name() == null || r.name().isBlank() ? null : r.name().strip();
            if (name == null || name.length() > 200) {
                return Mono.error(ApiException.unprocessable("name is required: 1 to 200 characters, e.g. the agent or person using the key"));
            }
            Role role = r.role() == null ? Role.MEMBER : Role.parse(r.role());
            if (role == null) {
                return Mono.error(ApiException.unprocessable("role must be owner or member (admin keys are made by an admin), not '"
                        + r.role() + "'"));
            }
            if (role == Role.ADMIN && caller.role() != Role.ADMIN) {
                return Mono.error(Tenancy.forbidden("only an admin key can make another admin key"));
            }
            String organisation = r.organisationId() == null ? caller.organisationId() : r.organisationId();
            if (!organisation.equals(caller.organisationId()) && caller.role() != Role.ADMIN) {
                return Mono.error(ApiException.notFound("organisation", organisation));
            }
            if (role == Role.ADMIN && !organisation.equals(caller.organisationId())) {
                return Mono.error(ApiException.unprocessable("admin keys belong to the admin's own organisation"));
            }
            return organisations.get(organisation)
                    .then(insert(organisation, name, role, caller.apiKeyId()));
        });
    }

    public Mono<Page<ApiKeyView>> list(String organisationId, PageRequest page) {
        return Tenancy.owner().flatMap(caller -> {
            String organisation = organisationId == null ? caller.organisationId() : organisationId;
            return organisations.get(organisation).then(Mono.zip(keys.page(organisation, page.limit(), page.offset()).collectList(),
                    keys.count(organisation)).map(t -> Page.of(t.getT1(), page, t.getT2())));
        });
    }

    /** Revokes a key at once: the next request with it is refused. The last admin key cannot be revoked. */
    public Mono<ApiKeyView> revoke(String id) {
        return Tenancy.owner().flatMap(caller -> keys.find(id)
                .filter(k -> caller.role() == Role.ADMIN || k.organisationId().equals(caller.organisationId()))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("API key", id)))
                .flatMap(k -> {
                    if (k.revokedAt() != null) {
                        return Mono.just(k);
                    }
                    Mono<Void> lastAdmin = k.role() != Role.ADMIN ? Mono.empty() : keys.activeAdmins().flatMap(n -> n <= 1
                            ? Mono.error(ApiException.wrongState("this is the last admin key; revoking it would lock the server's admin out",
                            "create another admin key first (POST /v1/api-keys with role admin), then revoke this one"))
                            : Mono.empty());
                    return lastAdmin.then(keys.revoke(id)).then(keys.find(id));
                }));
    }

    /**
     * Creates the first admin key when the database has no key at all (a new data directory or database), in the
     * default organisation. Empty when keys exist already. Serialised by an advisory lock, so two API processes
     * starting together make one key.
     */
    public Mono<String> createFirstAdminKey() {
        return db.sql("select pg_advisory_xact_lock(hashtext('clipforge-first-admin-key'))").fetch().rowsUpdated()
                .then(keys.countAll())
                .filter(n -> n == 0)
                .flatMap(n -> insert(Organisations.DEFAULT, "first admin key", Role.ADMIN, null).map(CreatedApiKey::apiKey))
                .as(transactions::transactional);
    }

    private Mono<CreatedApiKey> insert(String organisation, String name, Role role, String createdBy) {
        ApiKeyTokens.Generated generated = ApiKeyTokens.generate();
        String id = Ids.next(ID_PREFIX);
        return keys.insert(id, organisation, name, generated.prefix(), ApiKeyTokens.hash(generated.key()), role, createdBy)
                .then(keys.find(id)).map(view -> new CreatedApiKey(generated.key(), view));
    }

    private Mono<Void> touch(String keyId) {
        long now = System.nanoTime();
        Long last = lastTouched.get(keyId);
        if (last != null && now - last < TOUCH_EVERY.toNanos()) {
            return Mono.empty();
        }
        lastTouched.put(keyId, now);
        return keys.touch(keyId).onErrorResume(e -> Mono.empty());
    }

    static ApiException unauthorized(String message) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", message,
                "send a valid key as 'Authorization: Bearer cfk_...'; the first admin key is in the server's data directory"
                        + " (admin-api-key), and owners create more with POST /v1/api-keys");
    }
}
