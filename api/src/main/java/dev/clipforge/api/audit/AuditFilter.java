package dev.clipforge.api.audit;

import dev.clipforge.api.error.ProblemHandler;
import dev.clipforge.api.tenancy.AuthenticationFilter;
import dev.clipforge.api.tenancy.Caller;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.util.Set;

/**
 * Records every mutating REST call of an authenticated caller, just before its answer is sent, so the entry
 * exists by the time the caller sees the result. MCP calls are recorded per tool by the MCP server instead.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class AuditFilter implements WebFilter {
    private static final Set<HttpMethod> MUTATING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final AuditLog audit;

    public AuditFilter(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!MUTATING.contains(exchange.getRequest().getMethod()) || !path.startsWith("/v1/")) {
            return chain.filter(exchange);
        }
        exchange.getResponse().beforeCommit(() -> {
            Caller caller = exchange.getAttribute(AuthenticationFilter.CALLER);
            if (caller == null) {
                return Mono.empty();
            }
            var status = exchange.getResponse().getStatusCode();
            InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
            return audit.record(caller, exchange.getRequest().getMethod().name() + " " + path, path,
                    status == null ? 200 : status.value(), exchange.getAttribute(ProblemHandler.ERROR_CODE),
                    remote == null ? null : remote.getAddress().getHostAddress());
        });
        return chain.filter(exchange);
    }
}
