package org.publiccredit.record.catalog;

import java.util.List;
import org.publiccredit.commons.security.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The catalog: public reads, admin edits with history. */
@RestController
@RequestMapping("/api/v1/catalog")
class CatalogController {

    private final Catalog catalog;

    CatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    record CatalogResponse(List<Scenario> scenarios, List<CatalogEntry> entries) {
    }

    record HistoryResponse(String code, List<Catalog.Revision> revisions) {
    }

    @GetMapping
    CatalogResponse list() {
        return new CatalogResponse(catalog.scenarios(), catalog.all());
    }

    @GetMapping("/{code}")
    CatalogEntry one(@PathVariable String code) {
        return catalog.require(code);
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    Catalog.Revision update(@PathVariable String code, @RequestBody CatalogEntry entry, Caller caller) {
        return catalog.update(code, entry, caller.username());
    }

    @GetMapping("/{code}/history")
    HistoryResponse history(@PathVariable String code) {
        return new HistoryResponse(code, catalog.history(code));
    }
}
