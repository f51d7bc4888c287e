package org.publiccredit.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The structure every service keeps (STYLE.md): package by feature with no cycles between features, thin
 * package-private controllers without SQL, constructor injection, no other service's code, logging through SLF4J only.
 * A service's {@code ArchitectureTest} calls {@link #check(String)} with its root package.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    public static List<ArchRule> rules(String rootPackage) {
        String service = rootPackage.substring(rootPackage.lastIndexOf('.') + 1);
        return List.of(
                slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles()
                        .as("feature packages of " + service + " do not depend on each other in cycles"),
                classes().that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                        .should().notBePublic().as("controllers are package-private"),
                noClasses().that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                        .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..")
                        .as("controllers hold no SQL: a feature's storage class does (issue 26: thin edges)"),
                noFields().should().beAnnotatedWith("org.springframework.beans.factory.annotation.Autowired")
                        .as("no field injection"),
                noClasses().should().dependOnClassesThat().resideInAnyPackage(otherServices(service))
                        .as("services share wire contracts only, never each other's classes"),
                noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                        .as("log through SLF4J, never System.out/err"),
                noClasses().should().callMethod(java.time.ZoneId.class, "of", String.class)
                        .orShould().callMethod(java.time.ZoneId.class, "systemDefault")
                        .as("the platform's time zone is commons' PlatformZone, named in one place (issue 26)"),
                noClasses().that().resideOutsideOfPackage(rootPackage + ".config..")
                        .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage(rootPackage + ".config..")
                                .and(CanBeAnnotated.Predicates.annotatedWith("org.springframework.context.annotation.Configuration")))
                        .allowEmptyShould(true)
                        .as("wiring depends on features, not the other way round (settings records in config may be read)"));
    }

    /** Imports the service's production classes and checks every rule; fails with all violations. */
    public static void check(String rootPackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
        for (ArchRule rule : rules(rootPackage)) {
            rule.check(classes);
        }
    }

    private static String[] otherServices(String service) {
        return List.of("gateway", "subject", "record", "search", "objection", "report").stream()
                .filter(s -> !s.equals(service))
                .map(s -> "org.publiccredit." + s + "..")
                .toArray(String[]::new);
    }
}
