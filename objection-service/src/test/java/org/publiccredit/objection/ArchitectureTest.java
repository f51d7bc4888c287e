package org.publiccredit.objection;

import org.publiccredit.testkit.ArchitectureRules;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The allowed dependencies between the feature packages (STYLE.md: package by feature). */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.publiccredit.objection");

    @Test
    void noCyclesBetweenFeatures() {
        slices().matching("org.publiccredit.objection.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void leafFeaturesStayLeaves() {
        noClasses().that().resideInAnyPackage("..objection.calendar..", "..objection.attachment..", "..objection.client..",
                        "..objection.notify..")
                .should().dependOnClassesThat().resideInAnyPackage("..objection.cases..", "..objection.filing..",
                        "..objection.effect..", "..objection.repair..", "..objection.seed..")
                .check(CLASSES);
    }

    @Test
    void theCaseDomainDoesNotCallOtherServices() {
        noClasses().that().resideInAnyPackage("..objection.cases..", "..objection.repair..")
                .should().dependOnClassesThat().resideInAnyPackage("feign..", "org.springframework.cloud.openfeign..")
                .check(CLASSES);
    }

    @Test
    void onlyTheEffectWorkerAndFilingUseRecordService() {
        noClasses().that().resideInAnyPackage("..objection.cases..", "..objection.seed..", "..objection.calendar..")
                .should().dependOnClassesThat().haveSimpleName("Records")
                .check(CLASSES);
    }

    /** The rules every service keeps (no feature cycles, package-private controllers, constructor injection …). */
    @Test
    void followsThePlatformRules() {
        ArchitectureRules.check("org.publiccredit.objection");
    }
}
