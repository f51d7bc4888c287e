package org.publiccredit.report.registry;

import java.util.regex.Pattern;

/** The shape of a report number (CR + yyyyMMdd + '-' + 12 characters of Crockford's base 32), to refuse junk early. */
public final class ReportNumberFormat {

    private static final Pattern NUMBER = Pattern.compile("CR\\d{8}-[0-9A-HJKMNP-TV-Z]{12}");

    private ReportNumberFormat() {
    }

    public static boolean plausible(String number) {
        return number != null && NUMBER.matcher(number).matches();
    }
}
