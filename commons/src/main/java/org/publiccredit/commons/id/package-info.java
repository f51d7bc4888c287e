/**
 * Subject identifiers: the unified social credit code ({@link org.publiccredit.commons.id.Uscc}), the resident
 * identity card number ({@link org.publiccredit.commons.id.IdNumber}), kind detection
 * ({@link org.publiccredit.commons.id.Identifiers}), administrative division codes
 * ({@link org.publiccredit.commons.id.Regions}) and the subject type a stated type is read as
 * ({@link org.publiccredit.commons.id.SubjectType#parse}) and checked against the identifier
 * ({@link org.publiccredit.commons.id.SubjectTypeRule}). Pure Java; the tables live in data resources beside the classes.
 */
package org.publiccredit.commons.id;
