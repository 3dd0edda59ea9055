package dev.clipforge.api.webhooks;

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
@RequestMapping("/v1/webhooks")
public class WebhookController {
    private final WebhookService webhooks;

    public WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    /** The answer holds the signing secret: the only time it is shown. */
    @PostMapping
    public Mono<ResponseEntity<WebhookView>> create(@RequestBody CreateWebhookRequest request) {
        return webhooks.create(request).map(w -> ResponseEntity.status(HttpStatus.CREATED).body(w));
    }

    @GetMapping
    public Mono<Page<WebhookView>> list(@RequestParam(required = false) String limit,
                                        @RequestParam(required = false) String offset) {
        return webhooks.list(PageRequest.of(limit, offset));
    }

    @GetMapping("/deliveries")
    public Mono<Page<DeliveryView>> deliveries(@RequestParam(name = "webhook_id", required = false) String webhookId,
                                               @RequestParam(required = false) String status,
                                               @RequestParam(required = false) String limit,
                                               @RequestParam(required = false) String offset) {
        return webhooks.deliveries(webhookId, status, PageRequest.of(limit, offset));
    }

    @GetMapping("/{id}")
    public Mono<WebhookView> get(@PathVariable String id) {
        return webhooks.get(id);
    }

    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
        return webhooks.delete(id).thenReturn(ResponseEntity.noContent().<Void>build());
    }
}
