package dev.clipforge.api.tenancy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestRateLimiterTest {

    @Test
    void aMinutesAllowanceGoesThroughAtOnceThenTheNextWaitsForItsToken() {
        RequestRateLimiter limiter = new RequestRateLimiter();
        for (int i = 0; i < 60; i++) {
            assertThat(limiter.tryAcquire("org_a", 60)).as("request %d", i + 1).isZero();
        }
        long wait = limiter.tryAcquire("org_a", 60);
        // 60 per minute refills one token a second
        assertThat(wait).isBetween(1L, 1L);
    }

    @Test
    void organisationsHaveTheirOwnBuckets() {
        RequestRateLimiter limiter = new RequestRateLimiter();
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("org_a", 3);
        }
        assertThat(limiter.tryAcquire("org_a", 3)).isPositive();
        assertThat(limiter.tryAcquire("org_b", 3)).isZero();
    }

    @Test
    void aSlowAllowanceAsksForALongerWait() {
        RequestRateLimiter limiter = new RequestRateLimiter();
        limiter.tryAcquire("org_a", 2);
        limiter.tryAcquire("org_a", 2);
        // two per minute: a token every 30 s
        assertThat(limiter.tryAcquire("org_a", 2)).isBetween(29L, 30L);
    }
}
