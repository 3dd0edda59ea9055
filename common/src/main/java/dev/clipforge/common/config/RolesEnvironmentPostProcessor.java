package dev.clipforge.common.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/** A process without the {@code api} role is a pure worker: it starts no web server. */
public final class RolesEnvironmentPostProcessor implements EnvironmentPostProcessor {
    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!OnRoleCondition.roles(Binder.get(environment)).contains(ClipforgeProperties.Role.API)) {
            environment.getPropertySources().addFirst(new MapPropertySource("clipforge-roles",
                    Map.of("spring.main.web-application-type", "none")));
        }
    }
}
