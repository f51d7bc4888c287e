package org.publiccredit.subject;

import org.publiccredit.testkit.ArchitectureRules;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/** The allowed dependencies between the feature packages (docs/services/subject-service.md). */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.publiccredit.subject");

    @Test
    void featurePackagesDependOnlyDownwards() {
        String base = "org.publiccredit.subject.";
        noClasses().that().resideInAnyPackage(base + "pii..", base + "web..", base + "feed..", base + "identifier..")
                .should().dependOnClassesThat().resideInAnyPackage(base + "registry..", base + "bulk..", base + "access..", base + "internal..")
                .check(CLASSES);
        noClasses().that().resideInAPackage(base + "registry..")
                .should().dependOnClassesThat().resideInAnyPackage(base + "bulk..", base + "access..", base + "internal..", base + "feed..",
                        base + "identifier..", base + "config..")
                .check(CLASSES);
        slices().matching("org.publiccredit.subject.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void controllersArePackagePrivate() {
        classes().that().areAnnotatedWith(RestController.class).should().notBePublic().check(CLASSES);
    }


    /** The rules every service keeps (no feature cycles, package-private controllers, constructor injection …). */
    @Test
    void followsThePlatformRules() {
        ArchitectureRules.check("org.publiccredit.subject");
    }
}
