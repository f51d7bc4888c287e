/**
 * Subject identifiers: the unified social credit code ({@link org.publiccredit.commons.id.Uscc}), the resident
 * identity card number ({@link org.publiccredit.commons.id.IdNumber}), kind detection
 * ({@link org.publiccredit.commons.id.Identifiers}) and administrative division codes
 * ({@link org.publiccredit.commons.id.Regions}). Pure Java; the tables live in data resources beside the classes.
 */
package org.publiccredit.commons.id;
