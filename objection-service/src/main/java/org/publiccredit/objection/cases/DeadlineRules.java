package org.publiccredit.objection.cases;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The deadlines (DOMAIN.md sections 4 and 5) as configuration, since a law may change them.
 *
 * @param acceptWorkingDays accept or refuse within this many working days of submission (2)
 * @param objectionVerifyWorkingDays the department verifies within this many working days of acceptance (10)
 * @param objectionConcludeDays the whole objection concludes within this many calendar days of submission (20,
 *                              征信业管理条例 art. 25 counts days, not working days)
 * @param repairDecideWorkingDays a repair is decided within this many working days of acceptance (5)
 * @param dueSoonWorkingDays a deadline at most this many working days ahead is "due soon" (2)
 */
@ConfigurationProperties("platform.deadlines")
public record DeadlineRules(int acceptWorkingDays, int objectionVerifyWorkingDays, int objectionConcludeDays,
        int repairDecideWorkingDays, int dueSoonWorkingDays) {

    public DeadlineRules {
        if (acceptWorkingDays <= 0 || objectionVerifyWorkingDays <= 0 || objectionConcludeDays <= 0
                || repairDecideWorkingDays <= 0 || dueSoonWorkingDays < 0) {
            throw new IllegalArgumentException("platform.deadlines: every period must be positive");
        }
    }
}
