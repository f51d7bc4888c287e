package org.publiccredit.subject.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.publiccredit.commons.id.IdentifierKind;
import org.publiccredit.commons.id.Regions;
import org.publiccredit.commons.id.SubjectType;

/**
 * A subject as the API shows it: the {@code PUBLIC} view (registration data anyone may see, organisations only) or
 * the {@code FULL} view (plus the masked id number of a person, verification, source and bookkeeping). Never the
 * keyed hash, never the raw id number.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubjectView(String view, UUID id, IdentifierKind kind, String code, String masked, String name,
        List<FormerName> formerNames, List<String> shortNames, SubjectType type, String typeLabel, String region, String regionName,
        String legalRepresentative, LocalDate registrationDate, RegistrationStatus registrationStatus,
        String registrationStatusLabel, Industry industry, String industryLabel, String address, Boolean verified,
        String source, Long version, Instant createdAt, Instant updatedAt) {

    /** Which view a caller gets. */
    public enum Level { PUBLIC, FULL }

    public static SubjectView of(Subject s, Level level) {
        boolean full = level == Level.FULL;
        return new SubjectView(level.name(), s.id(), s.kind(), s.code(), full ? s.masked() : null, s.name(), s.formerNames(), s.shortNames(),
                s.type(), s.type().labelZh(), s.region(), s.region() == null ? null : Regions.name(s.region()).orElse(null),
                s.legalRepresentative(), s.registrationDate(), s.status(), s.status() == null ? null : s.status().labelZh(),
                s.industry(), s.industry() == null ? null : s.industry().labelZh(), s.address(), full ? s.verified() : null,
                full ? s.source() : null, full ? s.version() : null, full ? s.createdAt() : null, full ? s.updatedAt() : null);
    }
}
