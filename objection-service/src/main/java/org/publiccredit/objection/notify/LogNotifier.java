package org.publiccredit.objection.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The notifier until e-mail and SMS exist: one log line per change with the case id and states only (no name, no
 * code, no id number). The applicant sees the change in {@code GET /api/v1/cases/mine} in any case.
 */
@Component
class LogNotifier implements Notifier {

    private static final Logger log = LoggerFactory.getLogger(LogNotifier.class);

    @Override
    public void caseChanged(CaseChanged change) {
        log.info("notify applicant: {} case {} {} -> {}", change.kind(), change.caseId(),
                change.from() == null ? "new" : change.from(), change.to());
    }
}
