package org.rekey.bootstrap.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The dependency rules of docs/ARCHITECTURE.md §1, as ArchUnit rules. */
final class ArchitectureRules {

    static final String[] FRAMEWORKS = {"jakarta.persistence..", "org.hibernate..", "io.javalin..", "picocli..",
        "com.fasterxml.jackson..", "org.flywaydb..", "com.zaxxer..", "org.eclipse.jetty..", "io.micrometer..",
        "io.prometheus.."};

    private ArchitectureRules() {
    }

    /**
     * Domain at the centre, application around it, adapters outside, never depending on each other.
     * Bootstrap sits outside the rings: it wires them all.
     */
    static final ArchRule ONION = Architectures.onionArchitecture()
            .domainModels("org.rekey.domain..")
            .applicationServices("org.rekey.application..")
            .adapter("persistence", "org.rekey.adapter.persistence..")
            .adapter("http", "org.rekey.adapter.http..")
            .adapter("cli", "org.rekey.adapter.cli..")
            .withOptionalLayers(true)
            .ignoreDependency(resideInAPackage("org.rekey.bootstrap.."), DescribedPredicate.alwaysTrue())
            .because("adapters see the application and the domain, never each other");

    static final ArchRule DOMAIN_IS_PURE = noClasses().that().resideInAPackage("org.rekey.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(concat(FRAMEWORKS, "org.slf4j.."))
            .because("the domain is plain Java: no JPA, Javalin, picocli, Jackson or SLF4J type");

    static final ArchRule APPLICATION_USES_NO_FRAMEWORK = noClasses().that().resideInAPackage("org.rekey.application..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .because("the application may use SLF4J and nothing else outside the JDK and the domain");

    static final ArchRule NOTHING_DEPENDS_ON_BOOTSTRAP = noClasses().that().resideOutsideOfPackage("org.rekey.bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("org.rekey.bootstrap..");

    static final ArchRule ADAPTERS_SEE_PORTS_NOT_SERVICES = noClasses().that().resideInAPackage("org.rekey.adapter..")
            .should().dependOnClassesThat().resideInAPackage("org.rekey.application.service..")
            .because("adapters call in-ports (use cases) and implement out-ports; services are wired by bootstrap");

    static final ArchRule IN_PORTS_INDEPENDENT_OF_OUT_PORTS = noClasses().that()
            .resideInAPackage("org.rekey.application.port.in..")
            .should().dependOnClassesThat().resideInAPackage("org.rekey.application.port.out..");

    static final ArchRule OUT_PORTS_INDEPENDENT_OF_IN_PORTS = noClasses().that()
            .resideInAPackage("org.rekey.application.port.out..")
            .should().dependOnClassesThat().resideInAPackage("org.rekey.application.port.in..");

    static final ArchRule NO_CYCLES = slices().matching("org.rekey.(**)").should().beFreeOfCycles();

    static final ArchRule NO_GENERIC_EXCEPTIONS = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    static final ArchRule NO_FIELD_INJECTION = GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

    static final ArchRule NO_JAVA_UTIL_LOGGING = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    /** Only the CLI's printer writes to stdout/stderr; Main hands it the streams. */
    static final ArchRule STANDARD_STREAMS_ONLY_IN_PRINTER = noClasses()
            .that().doNotHaveFullyQualifiedName("org.rekey.adapter.cli.console.Printer")
            .and().doNotHaveFullyQualifiedName("org.rekey.bootstrap.Main")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("stdout carries only a command's result; everything else logs to stderr");

    static final ArchRule JPA_ENTITIES_PACKAGE_PRIVATE = classes()
            .that().areAnnotatedWith("jakarta.persistence.Entity")
            .should().notBePublic()
            .because("entities stay inside the persistence adapter, mapped by hand");

    private static String[] concat(String[] a, String b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }
}
