package org.publiccredit.record.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
    @Operation(operationId = "listCatalog", summary = "The record catalog (公共信用信息目录) and the check scenarios (public)")
    CatalogResponse list() {
        return new CatalogResponse(catalog.scenarios(), catalog.all());
    }

    @GetMapping("/evaluation-rules")
    @Operation(operationId = "getEvaluationRules", summary = "The rules of the public credit evaluation (公共信用综合评价): the "
            + "starting score, the grades' thresholds and each rule's points (public)")
    EvaluationRules evaluationRules() {
        return catalog.evaluation();
    }

    @GetMapping("/{code}")
    @Operation(operationId = "getCatalogEntry", summary = "One catalog entry (public)")
    @ApiResponse(responseCode = "200", description = "the entry")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such entry")
    CatalogEntry one(@PathVariable String code) {
        return catalog.require(code);
    }

    @PutMapping("/{code}")
    @Operation(operationId = "updateCatalogEntry", summary = "Replace a catalog entry (admin); the old one is kept in its history")
    @ApiResponse(responseCode = "200", description = "the new revision")
    @ApiResponse(responseCode = "400", description = "CATALOG_CODE_MISMATCH, CATALOG_ENTRY_INVALID")
    @PreAuthorize("hasRole('ADMIN')")
    Catalog.Revision update(@PathVariable String code, @RequestBody CatalogEntry entry, Caller caller) {
        return catalog.update(code, entry, caller.username());
    }

    @GetMapping("/{code}/history")
    @Operation(operationId = "getCatalogEntryHistory", summary = "The revisions of a catalog entry, newest first (public)")
    HistoryResponse history(@PathVariable String code) {
        return new HistoryResponse(code, catalog.history(code));
    }
}
