package org.publiccredit.commons.calendar;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The platform's one time zone: days (publicity windows, deadlines, quotas, report numbers, "today") are China's
 * days, whatever zone a server runs in.
 */
public final class PlatformZone {

    /** China Standard Time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private PlatformZone() {
    }

    /** The system clock in {@link #ZONE}. */
    public static Clock clock() {
        return Clock.system(ZONE);
    }
}
