package org.publiccredit.record;

import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.ArchitectureRules;

/** The structure STYLE.md asks for, checked on this service's classes. */
class ArchitectureTest {

    @Test
    void followsThePlatformStructure() {
        ArchitectureRules.check("org.publiccredit.record");
    }
}
