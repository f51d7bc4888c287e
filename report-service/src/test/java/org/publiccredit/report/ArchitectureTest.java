package org.publiccredit.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.ArchitectureRules;

/** The allowed dependencies between the feature packages (STYLE.md: package by feature). */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.publiccredit.report");

    /** Rendering and signing know nothing of services, the database or who asks: they turn content into signed bytes. */
    @Test
    void renderingAndSigningAreLeaves() {
        noClasses().that().resideInAnyPackage("..report.render..", "..report.sign..")
                .should().dependOnClassesThat().resideInAnyPackage("..report.issue..", "..report.registry..", "..report.client..",
                        "org.springframework.jdbc..", "feign..", "org.publiccredit.commons.security..")
                .check(CLASSES);
    }

    /** The register (numbers, hashes, verification) does not call other services and does not issue reports. */
    @Test
    void theRegisterDoesNotCallOtherServices() {
        noClasses().that().resideInAnyPackage("..report.registry..")
                .should().dependOnClassesThat().resideInAnyPackage("..report.issue..", "..report.client..", "feign..")
                .check(CLASSES);
    }

    @Test
    void followsThePlatformRules() {
        ArchitectureRules.check("org.publiccredit.report");
    }
}
