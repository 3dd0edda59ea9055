package dev.clipforge.deploy;

import dev.clipforge.common.config.ClipforgeProperties;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The whole product in one Spring context: API, MCP endpoint and the workers this process's roles ask for. */
@SpringBootApplication(scanBasePackages = "dev.clipforge")
@EnableConfigurationProperties(ClipforgeProperties.class)
public class ClipforgeApplication {
}
