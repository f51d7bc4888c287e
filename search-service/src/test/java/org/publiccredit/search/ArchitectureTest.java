package org.publiccredit.search;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.publiccredit.testkit.ArchitectureRules;

/** Feature packages: index (storage) knows no feature; feed and query do not know the indexer; query reads no feed, only summaries. */
@AnalyzeClasses(packages = "org.publiccredit.search", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule indexIsStorageOnly = noClasses().that().resideInAPackage("..search.index..")
            .should().dependOnClassesThat().resideInAnyPackage("..search.indexer..", "..search.query..", "..search.feed..");

    @ArchTest
    static final ArchRule feedKnowsNoFeature = noClasses().that().resideInAPackage("..search.feed..")
            .should().dependOnClassesThat().resideInAnyPackage("..search.indexer..", "..search.query..");

    /** Of the feed package the reads use only record-service's summaries, read when a profile or a page is shown (decision 0009). */
    @ArchTest
    static final ArchRule readsDoNotWrite = noClasses().that().resideInAPackage("..search.query..")
            .should().dependOnClassesThat().resideInAPackage("..search.indexer..")
            .orShould().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("..search.feed..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.simpleName("Summary")))
                    .and(DescribedPredicate.not(JavaClass.Predicates.simpleName("SummaryReads"))));

    @ArchTest
    static final ArchRule indexerDoesNotServeReads = noClasses().that().resideInAPackage("..search.indexer..")
            .should().dependOnClassesThat().resideInAPackage("..search.query..");

    @ArchTest
    static final ArchRule noQueryStringFromUserText = noClasses()
            .should().dependOnClassesThat().haveSimpleNameStartingWith("QueryStringQuery")
            .orShould().dependOnClassesThat().haveSimpleNameStartingWith("SimpleQueryStringQuery");

    /** The rules every service keeps (no feature cycles, package-private controllers, constructor injection …). */
    @ArchTest
    static void platformRules(JavaClasses classes) {
        ArchitectureRules.rules("org.publiccredit.search").forEach(rule -> rule.check(classes));
    }
}
