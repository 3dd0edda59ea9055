package dev.clipforge.api.tenancy;

import dev.clipforge.api.error.ApiException;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * The caller of the request being served, carried in the Reactor context: set by {@link AuthenticationFilter} for
 * REST and by the MCP tools for theirs, read by every service that touches an organisation's rows.
 */
public final class Tenancy {
    private Tenancy() {
    }

    public static Context context(Caller caller) {
        return Context.of(Caller.class, caller);
    }

    public static Mono<Caller> caller() {
        return Mono.deferContextual(ctx -> ctx.hasKey(Caller.class) ? Mono.just(ctx.get(Caller.class))
                : Mono.error(new IllegalStateException("no caller in this request's context")));
    }

    public static Mono<String> organisation() {
        return caller().map(Caller::organisationId);
    }

    /** The caller, if it may manage its organisation (keys, webhooks, audit log); else 403. */
    public static Mono<Caller> owner() {
        return caller().flatMap(c -> c.role().managesOrganisation() ? Mono.just(c)
                : Mono.error(forbidden("this needs an owner or admin API key; yours is a member key")));
    }

    /** The caller, if it is the operator's admin key; else 403. */
    public static Mono<Caller> admin() {
        return caller().flatMap(c -> c.role() == Role.ADMIN ? Mono.just(c)
                : Mono.error(forbidden("this needs the admin API key")));
    }

    static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", message,
                "ask an owner of your organisation (or the server's admin) to do it, or for a key with that role");
    }
}
