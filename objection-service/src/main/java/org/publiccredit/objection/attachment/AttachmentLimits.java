package org.publiccredit.objection.attachment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Upload limits per case (configuration). The servlet multipart limits are set just above these so that the
 * container stops a larger (also chunked) upload while it streams, and these checks give the precise answer.
 *
 * @param maxFiles files per case (5)
 * @param maxFileSize bytes per file (10 MB)
 */
@ConfigurationProperties("platform.attachments")
public record AttachmentLimits(int maxFiles, DataSize maxFileSize) {
}
