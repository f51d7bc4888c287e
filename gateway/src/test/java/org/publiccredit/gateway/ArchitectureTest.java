package org.publiccredit.gateway;

import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.ArchitectureRules;

/** The structure STYLE.md asks for, checked on the gateway's classes. */
class ArchitectureTest {

    @Test
    void followsThePlatformStructure() {
        ArchitectureRules.check("org.publiccredit.gateway");
    }
}
