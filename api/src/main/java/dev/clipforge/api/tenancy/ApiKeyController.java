package dev.clipforge.api.tenancy;

import dev.clipforge.api.page.Page;
import dev.clipforge.api.page.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/v1/api-keys")
public class ApiKeyController {
    private final ApiKeyService keys;

    public ApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    /** The answer holds the whole key: the only time it is shown. */
    @PostMapping
    public Mono<ResponseEntity<CreatedApiKey>> create(@RequestBody CreateApiKeyRequest request) {
        return keys.create(request).map(k -> ResponseEntity.status(HttpStatus.CREATED).body(k));
    }

    @GetMapping
    public Mono<Page<ApiKeyView>> list(@RequestParam(name = "organisation_id", required = false) String organisationId,
                                       @RequestParam(required = false) String limit,
                                       @RequestParam(required = false) String offset) {
        return keys.list(organisationId, PageRequest.of(limit, offset));
    }

    /** Revokes the key; it keeps its row (and its audit entries) with {@code revoked_at} set. */
    @DeleteMapping("/{id}")
    public Mono<ApiKeyView> revoke(@PathVariable String id) {
        return keys.revoke(id);
    }
}
