package dev.clipforge.api.tenancy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clipforge.api.error.ApiException;
import dev.clipforge.api.error.ProblemHandler;
import dev.clipforge.common.config.ClipforgeProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Set;

/**
 * Every request but {@code /v1/health} names its caller with {@code Authorization: Bearer <API key>}; a missing,
 * malformed, unknown or revoked key is a 401, and an organisation over its request rate gets a 429 with
 * {@code Retry-After}. The caller goes into the request's attributes and its Reactor context for the services.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class AuthenticationFilter implements WebFilter {
    /** Exchange attribute holding the {@link Caller}; the MCP transport reads it from there. */
    public static final String CALLER = Caller.class.getName();
    private static final Set<String> OPEN = Set.of("/v1/health");
    private static final String BEARER = "Bearer ";

    private final ApiKeyService keys;
    private final RequestRateLimiter rates;
    private final ClipforgeProperties properties;
    private final ObjectMapper json;

    public AuthenticationFilter(ApiKeyService keys, RequestRateLimiter rates, ClipforgeProperties properties, ObjectMapper json) {
        this.keys = keys;
        this.rates = rates;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (OPEN.contains(exchange.getRequest().getPath().pathWithinApplication().value())) {
            return chain.filter(exchange);
        }
        return caller(exchange)
                .onErrorResume(ApiException.class, e -> refuse(exchange, e).then(Mono.empty()))
                .flatMap(caller -> {
                    long wait = rates.tryAcquire(caller.organisationId(), caller.limits().requestsPerMinute());
                    if (wait > 0) {
                        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(wait));
                        return refuse(exchange, new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                                "your organisation is over its " + caller.limits().requestsPerMinute() + " requests per minute",
                                "wait " + wait + " s (Retry-After) and try again; long-poll with wait_seconds instead of polling"));
                    }
                    exchange.getAttributes().put(CALLER, caller);
                    return chain.filter(exchange).contextWrite(Tenancy.context(caller));
                });
    }

    private Mono<Caller> caller(ServerWebExchange exchange) {
        if (properties.authDisabled()) {
            return keys.developmentCaller();
        }
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return Mono.error(ApiKeyService.unauthorized("this endpoint needs an API key"));
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Mono.error(ApiKeyService.unauthorized("the Authorization header must be 'Bearer <API key>'"));
        }
        return keys.authenticate(header.substring(BEARER.length()).strip());
    }

    private Mono<Void> refuse(ServerWebExchange exchange, ApiException e) {
        var problem = ProblemHandler.problem(e.status(), e.code(), e.getMessage(), e.howToFix(), exchange);
        var response = exchange.getResponse();
        response.setStatusCode(problem.getStatusCode());
        response.getHeaders().setContentType(problem.getHeaders().getContentType());
        if (e.status() == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"clipforge\"");
        }
        return Mono.fromCallable(() -> json.writeValueAsBytes(problem.getBody()))
                .flatMap(bytes -> response.writeWith(Mono.just(response.bufferFactory().wrap(bytes))));
    }
}
