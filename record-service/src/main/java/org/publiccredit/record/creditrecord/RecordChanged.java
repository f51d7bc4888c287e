package org.publiccredit.record.creditrecord;

import java.util.Set;
import java.util.UUID;

/**
 * Published in the transaction that changes records; listeners act after commit (e.g. dropping cached checks).
 *
 * @param subjectCodes the USCC codes of the subjects concerned
 * @param subjectIds the subject ids concerned
 */
public record RecordChanged(Set<String> subjectCodes, Set<UUID> subjectIds) {
}
