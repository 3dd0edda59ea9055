package dev.clipforge.api.clips;

import dev.clipforge.api.error.ApiException;
import dev.clipforge.api.tenancy.Tenancy;
import dev.clipforge.common.config.ClipforgeProperties;
import dev.clipforge.common.store.ObjectStore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The short download link: a 302 to a freshly presigned URL, so the link itself never expires. */
@RestController
public class ExportController {
    private final ClipRepository clips;
    private final ObjectStore store;
    private final ClipforgeProperties properties;

    public ExportController(ClipRepository clips, ObjectStore store, ClipforgeProperties properties) {
        this.clips = clips;
        this.store = store;
        this.properties = properties;
    }

    @GetMapping("/v1/exports/{exportId}/download")
    public Mono<ResponseEntity<Void>> download(@PathVariable String exportId) {
        return Tenancy.organisation().flatMap(org -> clips.export(exportId, org))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("export", exportId)))
                .map(e -> {
                    var url = store.presignGet(e.objectKey(), properties.s3().presignTtl(), e.clipId() + "-" + e.quality() + ".mp4");
                    return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, url.url().toString())
                            .header(HttpHeaders.CACHE_CONTROL, "no-store").<Void>build();
                });
    }
}
