package dev.clipforge.deploy.infra;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an unreachable external service into the one-paragraph start-up error the operator needs. */
public final class ServiceUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<ServiceUnreachableException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ServiceUnreachableException e) {
        return new FailureAnalysis(
                "ClipForge could not reach " + e.service() + " at " + e.address() + " (" + e.reason() + ").",
                "Check that " + e.service() + " is running and reachable from this host, or change " + e.setting()
                        + "; leave it unset to use the embedded " + e.service() + ".",
                e);
    }
}
