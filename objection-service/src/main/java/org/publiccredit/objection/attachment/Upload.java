package org.publiccredit.objection.attachment;

/**
 * A received file that passed the checks: type recognised by content, size within the limit.
 *
 * @param purpose why it is attached
 * @param fileName the sanitised original name (shown only; never used to decide the type)
 * @param type the type recognised from the content
 * @param content the bytes
 * @param sha256 hex digest of the content
 */
public record Upload(Purpose purpose, String fileName, FileType type, byte[] content, String sha256) {
}
