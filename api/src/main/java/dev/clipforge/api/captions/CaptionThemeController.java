package dev.clipforge.api.captions;

import dev.clipforge.api.page.Page;
import dev.clipforge.api.page.PageRequest;
import dev.clipforge.common.captions.CaptionTheme;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/v1/caption-themes")
public class CaptionThemeController {
    private final CaptionThemeService themes;

    public CaptionThemeController(CaptionThemeService themes) {
        this.themes = themes;
    }

    @PostMapping
    public Mono<ResponseEntity<CaptionTheme>> create(@RequestBody CaptionThemeRequest request) {
        return themes.create(request).map(t -> ResponseEntity.status(HttpStatus.CREATED).body(t));
    }

    @GetMapping
    public Mono<Page<CaptionTheme>> list(@RequestParam(required = false) String limit,
                                         @RequestParam(required = false) String offset) {
        return themes.list(PageRequest.of(limit, offset));
    }

    @GetMapping("/{id}")
    public Mono<CaptionTheme> get(@PathVariable String id) {
        return themes.get(id);
    }

    @PatchMapping("/{id}")
    public Mono<CaptionTheme> update(@PathVariable String id, @RequestBody CaptionThemeRequest request) {
        return themes.update(id, request);
    }

    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
        return themes.delete(id).thenReturn(ResponseEntity.noContent().<Void>build());
    }
}
