package org.publiccredit.search.feed;

import java.util.List;

/**
 * One page of {@code GET /internal/v1/changes?after=&limit=} (docs/contracts.md).
 *
 * @param changes the changes, in sequence order
 * @param lastSeq the last sequence of the page
 * @param hasMore whether more follow right away
 * @param headSeq the feed's head (its highest committed seq), or null when the feed does not say (older versions)
 */
public record ChangePage(List<Change> changes, long lastSeq, boolean hasMore, Long headSeq) {

    public ChangePage {
        changes = changes != null ? List.copyOf(changes) : List.of();
    }
}
