package dev.clipforge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipforge.api.tenancy.FirstAdminKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code CLIPFORGE_AUTH=disabled}: no keys, on loopback only, and it says so. */
class DevelopmentModeTest {

    @Test
    void withAuthDisabledEveryCallerIsTheDefaultOrganisationsAdmin(@TempDir Path dataDir) {
        try (Stack stack = Stack.start(dataDir, "--clipforge.auth=disabled")) {
            stack.awaitHealthy(Duration.ofSeconds(90));
            assertThat(Files.exists(dataDir.resolve(FirstAdminKey.FILE))).as("no admin key is made").isFalse();
            Api anonymous = new Api(stack.http(null));
            JsonNode health = anonymous.get("/v1/health", 200);
            assertThat(health.path("details").path("auth").asText()).startsWith("disabled").contains("loopback");
            String project = anonymous.createProject("no keys");
            assertThat(anonymous.get("/v1/projects/" + project, 200).path("name").asText()).isEqualTo("no keys");
            JsonNode org = anonymous.get("/v1/organisations/org_default", 200);
            assertThat(org.path("name").asText()).isEqualTo("Default organisation");
            // mutating calls are still audited, without a key
            JsonNode audited = anonymous.get("/v1/audit/logs", 200).path("items").get(0);
            assertThat(audited.path("action").asText()).isEqualTo("POST /v1/projects");
            assertThat(audited.path("api_key_id").isNull()).isTrue();
            // a key sent anyway is not needed, and changes nothing
            anonymous.http().get().uri("/v1/projects").header("Authorization", "Bearer anything").exchange().expectStatus().isOk();
            assertThat(anonymous.postJson("/v1/organisations", Map.of("name", "second"), 201).path("organisation_id").asText())
                    .startsWith("org_");
        }
    }

    @Test
    void authCannotBeDisabledOnAnAddressBeyondLoopback(@TempDir Path dataDir) throws Exception {
        UnreachableServiceTest.Outcome outcome = UnreachableServiceTest.launch(dataDir, "--clipforge.auth=disabled",
                "--clipforge.http.host=0.0.0.0");
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.output()).contains("CLIPFORGE_AUTH=disabled").contains("loopback").contains("CLIPFORGE_HTTP_HOST")
                .doesNotContain("\tat ");
    }
}
