package dev.clipforge.activities.net;

import dev.clipforge.common.net.UrlPolicy;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fetches a user-given URL to a local file without letting it reach the server's own network: every
 * hop (redirects followed here, one by one) is checked, names are resolved by a guarded resolver at
 * connect time, and size and time are capped while streaming.
 */
public final class GuardedHttpFetcher implements AutoCloseable {
    private final UrlPolicy policy;
    private final HttpClient client;
    private final ConnectionProvider connections;
    private final Duration timeout;
    private final int maxRedirects;

    public GuardedHttpFetcher(UrlPolicy policy, Duration connectTimeout, Duration timeout, int maxRedirects) {
        this.policy = policy;
        this.timeout = timeout;
        this.maxRedirects = maxRedirects;
        this.connections = ConnectionProvider.builder("clipforge-fetch").maxConnections(16).build();
        this.client = HttpClient.create(connections)
                .resolver(new GuardedResolverGroup(policy))
                .followRedirect(false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
                .responseTimeout(connectTimeout.plusSeconds(20))
                .headers(h -> h.set(HttpHeaderNames.USER_AGENT, "ClipForge/1 (+media ingest)"));
    }

    public record Fetched(URI finalUrl, long bytes, String contentType) {
    }

    /** Calls back with the bytes received so far, often; used to heartbeat. */
    public interface Progress {
        void bytes(long received);
    }

    public Fetched fetch(String url, Path target, long maxBytes, Progress progress) throws FetchRefused {
        URI current = check(url);
        for (int hop = 0; hop <= maxRedirects; hop++) {
            Hop result = get(current, target, maxBytes, progress);
            if (result.redirect().isEmpty()) {
                return result.fetched();
            }
            current = check(current.resolve(result.redirect().get()).toString());
        }
        throw new FetchRefused("url_too_many_redirects", "the URL redirected more than " + maxRedirects + " times", false);
    }

    private URI check(String url) throws FetchRefused {
        try {
            URI uri = policy.checkShape(url);
            String host = uri.getHost().replaceAll("^\\[|]$", "");
            if (isLiteralAddress(host)) {
                // literal addresses never reach a resolver, so they are judged here
                Optional<String> why = policy.blockedReason(InetAddress.getByName(host));
                if (why.isPresent()) {
                    throw new FetchRefused("url_blocked", "the URL points at " + host + ", a " + why.get()
                            + " address, which the server does not fetch from", false);
                }
            }
            return uri;
        } catch (UrlPolicy.Refused e) {
            throw new FetchRefused(e.code(), e.getMessage(), false);
        } catch (IOException e) {
            throw new FetchRefused("url_invalid", "the URL's host cannot be read: " + e.getMessage(), false);
        }
    }

    static boolean isLiteralAddress(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":");
    }

    private record Hop(Fetched fetched, Optional<String> redirect) {
    }

    private Hop get(URI uri, Path target, long maxBytes, Progress progress) throws FetchRefused {
        AtomicLong received = new AtomicLong();
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            return client.get().uri(uri).response((response, body) -> {
                int status = response.status().code();
                if (status >= 300 && status < 400 && status != 304) {
                    String location = response.responseHeaders().get(HttpHeaderNames.LOCATION);
                    if (location == null) {
                        return Flux.error(new FetchRefused("url_http_error", "the URL answered " + status
                                + " without a Location to follow", false));
                    }
                    return body.then(Mono.just(new Hop(null, Optional.of(location))));
                }
                if (status != HttpResponseStatus.OK.code()) {
                    return body.then(Mono.error(new FetchRefused("url_http_error", "the URL answered HTTP " + status,
                            status >= 500 || status == 429)));
                }
                String type = Optional.ofNullable(response.responseHeaders().get(HttpHeaderNames.CONTENT_TYPE)).orElse("");
                String base = type.toLowerCase(Locale.ROOT).split(";")[0].trim();
                if (base.startsWith("text/") || base.contains("html") || base.contains("json") || base.contains("xml")) {
                    return body.then(Mono.error(new FetchRefused("not_media", "the URL serves " + base
                            + ", not a video; link the media file itself", false)));
                }
                String length = response.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
                if (length != null && Long.parseLong(length.trim()) > maxBytes) {
                    return body.then(Mono.error(tooLarge(maxBytes)));
                }
                return body.concatMap(buf -> write(out, buf, received, maxBytes, progress))
                        .then(Mono.fromCallable(() -> new Hop(new Fetched(uri, received.get(), base), Optional.empty())));
            }).single().block(timeout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw translate(e, uri);
        }
    }

    private static Mono<Void> write(FileChannel out, ByteBuf buf, AtomicLong received, long maxBytes, Progress progress) {
        long total = received.addAndGet(buf.readableBytes());
        if (total > maxBytes) {
            return Mono.error(tooLarge(maxBytes));
        }
        try {
            buf.readBytes(out, buf.readableBytes());
        } catch (IOException e) {
            return Mono.error(e);
        }
        progress.bytes(total);
        return Mono.empty();
    }

    private static FetchRefused tooLarge(long maxBytes) {
        return new FetchRefused("too_large", "the URL's file is larger than the " + (maxBytes / (1024 * 1024))
                + " MB limit", false);
    }

    private static FetchRefused translate(RuntimeException e, URI uri) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FetchRefused f) {
                return f;
            }
            if (t instanceof GuardedResolverGroup.BlockedHostException b) {
                return new FetchRefused(b.refusal.code(), b.refusal.getMessage(), false);
            }
            if (t instanceof java.util.concurrent.TimeoutException || (t.getMessage() != null && t.getMessage().contains("Timeout on blocking read"))) {
                return new FetchRefused("url_timeout", "fetching " + uri.getHost() + " took longer than allowed", true);
            }
            if (t instanceof java.net.ConnectException || t instanceof io.netty.channel.ConnectTimeoutException) {
                return new FetchRefused("url_unreachable", "could not connect to " + uri.getHost() + ": " + t.getMessage(), true);
            }
            if (t instanceof java.net.UnknownHostException) {
                return new FetchRefused("url_unresolvable", "the host '" + uri.getHost() + "' does not resolve", false);
            }
        }
        return new FetchRefused("url_fetch_failed", "fetching the URL failed: " + e.getMessage(), true);
    }

    @Override
    public void close() {
        connections.dispose();
    }
}
