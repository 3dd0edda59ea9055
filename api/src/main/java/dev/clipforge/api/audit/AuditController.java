package dev.clipforge.api.audit;

import dev.clipforge.api.page.Page;
import dev.clipforge.api.page.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
public class AuditController {
    private final AuditLog audit;

    public AuditController(AuditLog audit) {
        this.audit = audit;
    }

    /** Newest first; {@code action} (e.g. {@code POST /v1/clips}) and {@code api_key_id} narrow it down. */
    @GetMapping("/v1/audit/logs")
    public Mono<Page<AuditEntry>> list(@RequestParam(required = false) String action,
                                       @RequestParam(name = "api_key_id", required = false) String apiKeyId,
                                       @RequestParam(required = false) String limit,
                                       @RequestParam(required = false) String offset) {
        return audit.list(action, apiKeyId, PageRequest.of(limit, offset));
    }
}
