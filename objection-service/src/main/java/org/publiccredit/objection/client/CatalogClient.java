package org.publiccredit.objection.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;

/** record-service's catalog of record categories ({@code GET /api/v1/catalog}): a read, retried like one. */
@FeignClient(name = "record-catalog", url = "${platform.services.record}", configuration = InternalClientConfig.Reads.class)
interface CatalogClient {

    /** A catalog entry: only what this service uses. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(String code, String nameZh, String nameEn) {
    }

    /** The catalog: only its entries. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Catalog(List<Entry> entries) {
    }

    @GetMapping("/api/v1/catalog")
    Catalog catalog();
}
