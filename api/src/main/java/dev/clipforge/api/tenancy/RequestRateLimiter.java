package dev.clipforge.api.tenancy;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests per minute per organisation, as a token bucket per organisation in this API process: a burst of up to
 * a minute's allowance, refilled evenly. With several API replicas each enforces the limit on its own share of
 * the traffic.
 */
@Component
public class RequestRateLimiter {
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Zero if the request may go ahead (and takes a token), else the seconds until a token is free. */
    public long tryAcquire(String organisationId, int perMinute) {
        return buckets.computeIfAbsent(organisationId, k -> new Bucket()).take(perMinute, System.nanoTime());
    }

    private static final class Bucket {
        private double tokens = Double.NaN;
        private long updatedNanos;

        synchronized long take(int perMinute, long now) {
            double perNano = perMinute / 60e9;
            tokens = Double.isNaN(tokens) ? perMinute : Math.min(perMinute, tokens + (now - updatedNanos) * perNano);
            updatedNanos = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
        }
    }
}
