package org.publiccredit.record.publicity;

import org.publiccredit.record.catalog.Catalog;
import org.publiccredit.record.catalog.CatalogEntry;
import org.publiccredit.record.creditrecord.CreditRecord;
import org.publiccredit.record.creditrecord.RecordState;
import org.springframework.stereotype.Component;

/** Turns records into views, always through {@link PublicityPolicy}. */
@Component
public class RecordViews {

    private final Catalog catalog;
    private final PublicityPolicy policy;

    RecordViews(Catalog catalog, PublicityPolicy policy) {
        this.catalog = catalog;
        this.policy = policy;
    }

    public Publicity publicity(CreditRecord r) {
        return policy.decide(r, catalog.require(r.category()));
    }

    public RecordView view(CreditRecord r) {
        CatalogEntry entry = catalog.require(r.category());
        Publicity p = policy.decide(r, entry);
        return new RecordView(r.id(), r.subject().id(), r.subject().code(), r.subject().kind(), r.subject().name(), r.subject().nameOnDecision(),
                r.subject().region(), r.department(), r.category(), entry.nameZh(), entry.kind().name(), r.documentNumber(),
                r.decisionDate(), r.state().name(), r.version(), p.publicNow(), p.reason(), p.label(), p.publicFrom(),
                p.publicUntil(), entry.repairable() && r.state() == RecordState.ACTIVE, p.minPublicityUntil(),
                PublicityPolicy.repairableFrom(p, entry), r.fields(),
                r.updatedAt(), p.severity());
    }

    /** The public view, or null when the record is not public now. */
    public PublicRecordView publicView(CreditRecord r) {
        return publicView(r, policy.decide(r, catalog.require(r.category())));
    }

    /** The public view for a decision already made ({@link #publicity}), or null when the record is not public now. */
    public PublicRecordView publicView(CreditRecord r, Publicity p) {
        CatalogEntry entry = catalog.require(r.category());
        if (!p.publicNow()) {
            return null;
        }
        return new PublicRecordView(r.id(), r.subject().code(), r.subject().name(), r.subject().nameOnDecision(), r.category(), entry.nameZh(),
                entry.kind().name(), r.department(), r.documentNumber(), r.decisionDate(), p.publicUntil(), p.disputed(),
                p.label(), r.fields());
    }
}
