package dev.clipforge.deploy.embedded;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The Temporal SDK's in-process test server, bound to a loopback port and running on wall-clock time.
 * {@code TestServer.createPortBoundServer} binds every interface; the embedded default stays on loopback,
 * so this assembles the same services behind a loopback-bound gRPC server. History lives in memory:
 * the launcher reconciles in-flight runs at start.
 */
public final class EmbeddedTemporalService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedTemporalService.class);

    private final TestServicesStarter services;
    private final Server server;

    private EmbeddedTemporalService(TestServicesStarter services, Server server) {
        this.services = services;
        this.server = server;
    }

    public static EmbeddedTemporalService start(int port) {
        // true = lock time skipping: timers fire on the real clock, as a production cluster's do
        TestServicesStarter services = new TestServicesStarter(true, 0);
        NettyServerBuilder builder = NettyServerBuilder.forAddress(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port), InsecureServerCredentials.create());
        GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
        try {
            Server server = builder.build().start();
            log.info("embedded Temporal on 127.0.0.1:{}", server.getPort());
            return new EmbeddedTemporalService(services, server);
        } catch (IOException e) {
            services.close();
            throw new UncheckedIOException("embedded Temporal did not start on port " + port, e);
        }
    }

    public String target() {
        return "127.0.0.1:" + server.getPort();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdown();
        if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
            server.shutdownNow();
        }
        services.close();
    }
}
