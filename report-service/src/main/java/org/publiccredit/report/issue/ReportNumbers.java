package org.publiccredit.report.issue;

import org.publiccredit.commons.calendar.PlatformZone;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Report numbers: {@code CR} + the day in Asia/Shanghai + {@code -} + 12 random characters of Crockford's base 32
 * (60 bits). Random rather than sequential: a number must not let anyone count or walk the reports issued.
 */
final class ReportNumbers {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(PlatformZone.ZONE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReportNumbers() {
    }

    static String next(Instant at) {
        StringBuilder b = new StringBuilder("CR").append(DAY.format(at)).append('-');
        for (int i = 0; i < 12; i++) {
            b.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return b.toString();
    }
}
