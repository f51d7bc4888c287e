package org.publiccredit.report.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of a change feed's page a report needs: the feed's head (docs/contracts.md).
 *
 * @param lastSeq the cursor
 * @param headSeq the highest committed sequence
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record FeedHead(long lastSeq, Long headSeq) {
}
