package org.publiccredit.record.monitoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.publiccredit.record.catalog.Catalog;
import org.publiccredit.record.creditrecord.RecordFacts;
import org.publiccredit.record.creditrecord.RecordRepository;
import org.publiccredit.record.publicity.CreditEvaluation;
import org.publiccredit.record.publicity.PublicityPolicy;
import org.springframework.stereotype.Component;

/**
 * The credit evaluation grade (公共信用综合评价, {@link CreditEvaluation}) of many organisations now, as the public
 * evaluation shows it: one facts query per 1,000 subjects.
 */
@Component
class Grades {

    private static final int CHUNK = 1000;

    private final RecordRepository records;
    private final Catalog catalog;
    private final CreditEvaluation evaluation;
    private final PublicityPolicy policy;

    Grades(RecordRepository records, Catalog catalog, CreditEvaluation evaluation, PublicityPolicy policy) {
        this.records = records;
        this.catalog = catalog;
        this.evaluation = evaluation;
        this.policy = policy;
    }

    /** Subject id → grade (A-D), for every subject asked (one without records has the starting grade). */
    Map<UUID, String> of(Collection<UUID> subjectIds) {
        Map<UUID, String> out = new HashMap<>();
        if (subjectIds.isEmpty()) {
            return out;
        }
        Set<String> fields = evaluation.fieldsReadWith(catalog.all());
        LocalDate today = policy.today();
        List<UUID> all = List.copyOf(new java.util.LinkedHashSet<>(subjectIds));
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<UUID> part = all.subList(from, Math.min(all.size(), from + CHUNK));
            Map<UUID, List<RecordFacts>> bySubject = new HashMap<>();
            records.scanFacts(part, fields, r -> bySubject.computeIfAbsent(r.subjectId(), k -> new ArrayList<>()).add(r));
            for (UUID id : part) {
                out.put(id, evaluation.evaluate(bySubject.getOrDefault(id, List.of()), today).evaluation().grade());
            }
        }
        return out;
    }
}
