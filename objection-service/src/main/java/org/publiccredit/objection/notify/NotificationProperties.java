package org.publiccredit.objection.notify;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.mail}: the e-mail notifications. The SMTP server itself is {@code spring.mail.*} (host, port, username,
 * password: env SMTP_HOST, SMTP_PORT, SMTP_USERNAME, SMTP_PASSWORD).
 *
 * @param enabled whether the worker sends (false: mails wait in the outbox)
 * @param from the sender address
 * @param portalUrl the portal's address, for the link to the case
 * @param departmentMailboxes department code → the address its officers read (verifications due)
 * @param maxAttempts tries before a mail is DEAD
 * @param maxBackoff the longest pause between two tries
 */
@ConfigurationProperties("platform.mail")
public record NotificationProperties(boolean enabled, String from, String portalUrl, Map<String, String> departmentMailboxes,
        int maxAttempts, Duration maxBackoff) {

    public NotificationProperties {
        from = from == null || from.isBlank() ? "noreply@publiccredit.local" : from;
        portalUrl = portalUrl == null ? "" : portalUrl.replaceAll("/+$", "");
        departmentMailboxes = departmentMailboxes == null ? Map.of() : Map.copyOf(departmentMailboxes);
        maxAttempts = maxAttempts < 1 ? 10 : maxAttempts;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
    }
}
