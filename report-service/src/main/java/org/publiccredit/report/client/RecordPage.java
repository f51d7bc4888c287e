package org.publiccredit.report.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A page of record-service's subject reads.
 *
 * @param items this page
 * @param page 0-based
 * @param size page size
 * @param total all matching
 * @param <T> the item type
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record RecordPage<T>(List<T> items, int page, int size, int total) {
    RecordPage {
        items = items == null ? List.of() : items;
    }
}
