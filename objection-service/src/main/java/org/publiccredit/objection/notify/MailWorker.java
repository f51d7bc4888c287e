package org.publiccredit.objection.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the mail outbox through the SMTP server ({@code spring.mail.*}, JavaMailSender) until it accepts each mail:
 * a failure is tried again with a growing pause ({@link MailRetryPolicy}); a mail that can never go, or still fails
 * after {@code platform.mail.max-attempts} tries, is DEAD (gauge {@code objection.mail.dead}, log). Each mail carries
 * its event id ({@code X-Notification-Id}, and a Message-ID made from it), so a receiver can tell a resend (after a
 * crash between sending and marking) from a new mail. Logs carry the case id only, never the address.
 */
@Component
class MailWorker {

    private static final Logger log = LoggerFactory.getLogger(MailWorker.class);

    private final MailOutbox outbox;
    private final ObjectProvider<JavaMailSender> sender;
    private final NotificationProperties properties;
    private final MailRetryPolicy policy;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Counter sent;

    MailWorker(MailOutbox outbox, ObjectProvider<JavaMailSender> sender, NotificationProperties properties, TransactionTemplate tx,
            Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.sender = sender;
        this.properties = properties;
        this.policy = new MailRetryPolicy(properties.maxAttempts(), properties.maxBackoff());
        this.tx = tx;
        this.clock = clock;
        Gauge.builder("objection.mail.pending", outbox, o -> o.count("PENDING"))
                .description("e-mails waiting to be accepted by the SMTP server").register(meters);
        Gauge.builder("objection.mail.dead", outbox, o -> o.count("DEAD"))
                .description("e-mails given up (alert when > 0)").register(meters);
        this.sent = Counter.builder("objection.mail.sent").description("e-mails accepted by the SMTP server").register(meters);
    }

    @Scheduled(initialDelayString = "${platform.mail.initial-delay:5s}", fixedDelayString = "${platform.mail.poll-interval:1s}")
    void send() {
        JavaMailSender mail = sender.getIfAvailable();
        if (!properties.enabled() || mail == null) {
            return;
        }
        for (MailOutbox.Mail m : outbox.claim(20, clock.instant(), Duration.ofSeconds(60))) {
            try {
                mail.send(message(mail, m));
                tx.executeWithoutResult(s -> outbox.sent(m.id(), clock.instant()));
                sent.increment();
                log.info("mail of case {} sent after {} attempt(s)", m.caseId(), m.attempts());
            } catch (MailException | MessagingException e) {
                boolean permanent = e instanceof MailParseException || e instanceof MailPreparationException
                        || e instanceof MessagingException;
                String error = e.getClass().getSimpleName();
                Instant now = clock.instant();
                switch (policy.after(m.attempts(), permanent)) {
                    case MailRetryPolicy.Next.Retry retry -> {
                        outbox.retryLater(m.id(), now.plus(retry.delay()), error);
                        log.warn("mail of case {} not sent (attempt {}: {}); retrying in {}s", m.caseId(), m.attempts(), error,
                                retry.delay().toSeconds());
                    }
                    case MailRetryPolicy.Next.Dead ignored -> {
                        outbox.dead(m.id(), error);
                        log.error("mail of case {} given up after {} attempt(s) ({})", m.caseId(), m.attempts(), error);
                    }
                }
            }
        }
    }

    private MimeMessage message(JavaMailSender mail, MailOutbox.Mail m) throws MessagingException {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(m.recipient());
        helper.setSubject(m.subject());
        helper.setText(m.body(), false);
        message.setHeader("X-Notification-Id", m.eventId());
        if (m.caseId() != null) {
            message.setHeader("X-Case-Id", m.caseId().toString());
        }
        message.saveChanges();
        // after saveChanges, which would replace it: the same event always has the same Message-ID
        message.setHeader("Message-ID", "<" + digest(m.eventId()) + "@objection.publiccredit>");
        return message;
    }

    private static String digest(String eventId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(eventId.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
