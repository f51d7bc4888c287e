package org.publiccredit.objection.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Passes committed case changes to the {@link Notifier}; a notifier failure never undoes a transition. */
@Component
class NotificationListener {

    private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);

    private final Notifier notifier;

    NotificationListener(Notifier notifier) {
        this.notifier = notifier;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(CaseChanged change) {
        try {
            notifier.caseChanged(change);
        } catch (RuntimeException e) {
            log.warn("notification for case {} failed: {}", change.caseId(), e.getClass().getSimpleName());
        }
    }
}
