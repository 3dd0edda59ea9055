package dev.clipforge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README stays true: every configuration property is documented, and CI runs the command it shows. */
class ReadmeTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyConfigurationPropertyHasARowWithItsEnvironmentVariable() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<JsonNode> properties = new ArrayList<>();
        for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                new ObjectMapper().readTree(in).path("properties").forEach(properties::add);
            }
        }
        List<String> missing = new ArrayList<>();
        int count = 0;
        for (JsonNode p : properties) {
            String name = p.get("name").asText();
            if (!name.startsWith("clipforge.")) {
                continue;
            }
            count++;
            String env = name.replace('.', '_').replace("-", "").toUpperCase();
            boolean documented = readme.lines().anyMatch(l -> l.startsWith("| `" + name + "` | `" + env));
            if (!documented) {
                missing.add(name + " (" + env + ")");
            }
        }
        assertThat(count).isGreaterThan(50);
        assertThat(missing).as("properties without a README row").isEmpty();
        List<String> names = properties.stream().map(p -> p.get("name").asText()).toList();
        List<String> stale = readme.lines().filter(l -> l.startsWith("| `clipforge."))
                .map(l -> l.substring(3, l.indexOf('`', 3))).filter(n -> !names.contains(n)).toList();
        assertThat(stale).as("README rows for properties that no longer exist").isEmpty();
    }

    @Test
    void ciRunsTheTestCommandTheReadmeShows() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String ci = Files.readString(ROOT.resolve(".ci/run"));
        assertThat(readme).contains("```bash\nmvn -B verify\n```");
        assertThat(ci.lines().map(String::strip)).contains("mvn -B verify");
    }
}
