package org.publiccredit.search.feed;

import java.util.List;

/**
 * One page of {@code GET /internal/v1/changes?after=&limit=} (docs/contracts.md).
 *
 * @param changes the changes, in sequence order
 * @param lastSeq the last sequence of the page
 * @param hasMore whether more follow right away
 */
public record ChangePage(List<Change> changes, long lastSeq, boolean hasMore) {

    public ChangePage {
        changes = changes != null ? List.copyOf(changes) : List.of();
    }
}
