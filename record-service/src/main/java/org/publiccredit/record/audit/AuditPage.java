package org.publiccredit.record.audit;

import java.util.List;

/**
 * A page of an audit list.
 *
 * @param items this page, newest first
 * @param page 0-based page
 * @param size page size
 * @param total all matching
 * @param <T> the item type
 */
record AuditPage<T>(List<T> items, int page, int size, long total) {
}
