package dev.clipforge.deploy.infra;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Event loops and connection pools of this application's own, not Reactor Netty's JVM-wide ones: stopping
 * one ClipForge context (a restart, or a test that starts several) disposes the global resources and would
 * take every other context's HTTP server and clients with it.
 */
@Configuration(proxyBeanMethods = false)
public class NettyResourcesConfiguration {

    @Bean
    public ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        return factory;
    }
}
