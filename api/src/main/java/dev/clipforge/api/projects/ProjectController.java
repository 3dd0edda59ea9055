package dev.clipforge.api.projects;

import dev.clipforge.api.idempotency.Idempotency;
import dev.clipforge.api.page.Page;
import dev.clipforge.api.page.PageRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Map;

@RestController
@RequestMapping("/v1/projects")
public class ProjectController {
    private final ProjectService projects;

    public ProjectController(ProjectService projects) {
        this.projects = projects;
    }

    @PostMapping
    public Mono<ResponseEntity<ProjectView>> create(@Valid @RequestBody CreateProjectRequest request,
                                                    @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        return projects.create(request, key).map(p -> ResponseEntity.status(HttpStatus.CREATED).body(p));
    }

    @GetMapping
    public Mono<Page<ProjectView>> list(@RequestParam(required = false) String limit,
                                        @RequestParam(required = false) String offset) {
        return projects.list(PageRequest.of(limit, offset));
    }

    @GetMapping("/{id}")
    public Mono<ProjectView> get(@PathVariable String id) {
        return projects.get(id);
    }

    @DeleteMapping("/{id}")
    public Mono<Map<String, Boolean>> delete(@PathVariable String id) {
        return projects.delete(id).thenReturn(Map.of("deleted", true));
    }
}
