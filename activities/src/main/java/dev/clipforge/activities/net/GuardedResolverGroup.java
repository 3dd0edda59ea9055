package dev.clipforge.activities.net;

import dev.clipforge.common.net.UrlPolicy;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Name resolution that applies the URL policy to the very addresses a connection will use, at
 * connect time. A host that resolved to a public address when it was checked and to a private one
 * when connecting (DNS rebinding) is refused here.
 */
public final class GuardedResolverGroup extends AddressResolverGroup<InetSocketAddress> {
    private final UrlPolicy policy;

    public GuardedResolverGroup(UrlPolicy policy) {
        this.policy = policy;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new InetSocketAddressResolver(executor, new InetNameResolver(executor) {
            @Override
            protected void doResolve(String host, Promise<InetAddress> promise) {
                try {
                    promise.setSuccess(policy.checkHost(host).get(0));
                } catch (UrlPolicy.Refused e) {
                    promise.setFailure(new BlockedHostException(e));
                }
            }

            @Override
            protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
                try {
                    promise.setSuccess(policy.checkHost(host));
                } catch (UrlPolicy.Refused e) {
                    promise.setFailure(new BlockedHostException(e));
                }
            }
        });
    }

    /** Carries the policy's refusal through Netty, which expects an UnknownHostException. */
    public static final class BlockedHostException extends UnknownHostException {
        final UrlPolicy.Refused refusal;

        BlockedHostException(UrlPolicy.Refused refusal) {
            super(refusal.getMessage());
            this.refusal = refusal;
        }
    }
}
