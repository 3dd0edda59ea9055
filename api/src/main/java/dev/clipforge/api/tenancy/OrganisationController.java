package dev.clipforge.api.tenancy;

import dev.clipforge.api.page.Page;
import dev.clipforge.api.page.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
@RequestMapping("/v1/organisations")
public class OrganisationController {
    private final OrganisationService organisations;

    public OrganisationController(OrganisationService organisations) {
        this.organisations = organisations;
    }

    @PostMapping
    public Mono<ResponseEntity<OrganisationView>> create(@RequestBody OrganisationRequest request) {
        return organisations.create(request).map(o -> ResponseEntity.status(HttpStatus.CREATED).body(o));
    }

    @GetMapping
    public Mono<Page<OrganisationView>> list(@RequestParam(required = false) String limit,
                                             @RequestParam(required = false) String offset) {
        return organisations.list(PageRequest.of(limit, offset));
    }

    @GetMapping("/{id}")
    public Mono<OrganisationView> get(@PathVariable String id) {
        return organisations.get(id);
    }

    @PatchMapping("/{id}")
    public Mono<OrganisationView> update(@PathVariable String id, @RequestBody OrganisationRequest request) {
        return organisations.update(id, request);
    }
}
