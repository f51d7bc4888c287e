package org.publiccredit.objection.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.commons.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Work queues. A reviewer's queues cover the open cases of their region; a department's cover the cases waiting for
 * its verification or review. {@code new}: waiting for the first step (reviewer: to be accepted; department: just
 * assigned); {@code due-soon}: the next deadline is within the configured working days; {@code overdue}: past it;
 * {@code open}: everything still open in scope.
 */
@Service
public class Queues {

    /** The queues, with their public names. */
    public enum Queue {
        NEW("new"), DUE_SOON("due-soon"), OVERDUE("overdue"), OPEN("open");

        private final String param;

        Queue(String param) {
            this.param = param;
        }

        public String param() {
            return param;
        }

        static Queue parse(String value) {
            for (Queue q : values()) {
                if (q.param.equals(value == null ? "" : value.toLowerCase(Locale.ROOT))) {
                    return q;
                }
            }
            throw ApiException.invalid("PARAMETER_INVALID", "Unknown queue",
                    List.of(new FieldProblem("queue", "PARAMETER_INVALID", "one of new, due-soon, overdue, open")));
        }
    }

    private static final String OPEN = "state IN ('SUBMITTED','ACCEPTED','VERIFYING','REVIEWED')";
    private static final String DEPARTMENT_TURN = "((kind = 'OBJECTION' AND state = 'VERIFYING' AND proposal_outcome IS NULL)"
            + " OR (kind = 'REPAIR' AND state = 'ACCEPTED' AND assigned_at IS NOT NULL))";

    private final CaseRepository cases;
    private final Deadlines deadlines;
    private final Clock clock;

    Queues(CaseRepository cases, Deadlines deadlines, Clock clock) {
        this.cases = cases;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** A page of one queue with the size of every queue. */
    public record Page(String queue, String scope, Map<String, Long> counts, List<CaseFile> items, int page, int size, long total) {
    }

    private record Scope(String name, String sql, String actionable, Map<String, Object> params) {
    }

    @Transactional(readOnly = true)
    public Page page(Caller caller, String queueName, int page, int size) {
        Scope scope = scopeOf(caller);
        Queue queue = Queue.parse(queueName);
        LocalDate today = Deadlines.localDate(clock.instant());
        LocalDate horizon = deadlines.dueSoonHorizon(today);
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("today", today);
        params.put("horizon", horizon == null ? today : horizon);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Queue q : Queue.values()) {
            counts.put(q.param(), cases.count(scope.sql(), filter(q, scope), params));
        }
        List<CaseFile> items = cases.queue(scope.sql(), filter(queue, scope), params, size, page * size);
        return new Page(queue.param(), scope.name(), counts, items, page, size, counts.get(queue.param()));
    }

    private static String filter(Queue q, Scope scope) {
        return switch (q) {
            case NEW -> scope.name().equals("reviewer") ? "state = 'SUBMITTED'"
                    : DEPARTMENT_TURN + " AND proposed_at IS NULL";
            case DUE_SOON -> scope.actionable() + " AND deadline_due >= :today AND deadline_due <= :horizon";
            case OVERDUE -> scope.actionable() + " AND deadline_due < :today";
            case OPEN -> scope.actionable();
        };
    }

    private static Scope scopeOf(Caller caller) {
        var region = CaseAccess.reviewerRegion(caller);
        if (region.isPresent()) {
            return new Scope("reviewer", "record_region LIKE :region", OPEN, Map.of("region", region.get() + "%"));
        }
        var department = CaseAccess.officerDepartment(caller);
        if (department.isPresent()) {
            return new Scope("department", "record_department = :department", DEPARTMENT_TURN, Map.of("department", department.get()));
        }
        throw ApiException.forbidden("ACCESS_DENIED", "Queues are for reviewers (with a region) and department officers");
    }
}
