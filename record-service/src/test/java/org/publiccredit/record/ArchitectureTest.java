package org.publiccredit.record;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.publiccredit.testkit.ArchitectureRules;

/** The allowed dependencies between feature packages (STYLE.md: package by feature). */
@AnalyzeClasses(packages = "org.publiccredit.record", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule features = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("config").definedBy("..record.config..")
            .layer("catalog").definedBy("..record.catalog..")
            .layer("creditrecord").definedBy("..record.creditrecord..")
            .layer("client").definedBy("..record.client..")
            .layer("publicity").definedBy("..record.publicity..")
            .layer("lifecycle").definedBy("..record.lifecycle..")
            .layer("ingest").definedBy("..record.ingest..")
            .layer("check").definedBy("..record.check..")
            .layer("feed").definedBy("..record.feed..")
            .layer("stats").definedBy("..record.stats..")
            .layer("sharing").definedBy("..record.sharing..")
            .layer("exchange").definedBy("..record.exchange..")
            .layer("audit").definedBy("..record.audit..")
            .layer("monitoring").definedBy("..record.monitoring..")
            .whereLayer("catalog").mayOnlyBeAccessedByLayers("creditrecord", "publicity", "lifecycle", "ingest", "check", "audit", "sharing", "exchange", "monitoring", "stats")
            .whereLayer("creditrecord").mayOnlyBeAccessedByLayers("publicity", "lifecycle", "ingest", "check", "sharing", "exchange", "monitoring")
            .whereLayer("client").mayOnlyBeAccessedByLayers("publicity", "ingest", "check", "config", "audit", "sharing", "monitoring")
            .whereLayer("publicity").mayOnlyBeAccessedByLayers("lifecycle", "ingest", "check", "sharing", "exchange", "monitoring")
            .whereLayer("lifecycle").mayOnlyBeAccessedByLayers("ingest")
            .whereLayer("ingest").mayNotBeAccessedByAnyLayer()
            .whereLayer("check").mayNotBeAccessedByAnyLayer()
            .whereLayer("feed").mayNotBeAccessedByAnyLayer()
            .whereLayer("stats").mayNotBeAccessedByAnyLayer()
            .whereLayer("sharing").mayOnlyBeAccessedByLayers("exchange", "monitoring")
            .whereLayer("exchange").mayNotBeAccessedByAnyLayer()
            .whereLayer("audit").mayNotBeAccessedByAnyLayer()
            .whereLayer("monitoring").mayNotBeAccessedByAnyLayer();

    /** The rules every service keeps (no feature cycles, package-private controllers, constructor injection …). */
    @ArchTest
    static void platformRules(JavaClasses classes) {
        ArchitectureRules.rules("org.publiccredit.record").forEach(rule -> rule.check(classes));
    }
}
