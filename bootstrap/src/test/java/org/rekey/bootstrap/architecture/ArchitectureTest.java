package org.rekey.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rekey.application.archfixture.ApplicationTypeUsingMicrometer;
import org.rekey.domain.archfixture.DomainTypeUsingJpa;
import org.rekey.domain.archfixture.DomainTypeUsingJavalin;

/** Checks every production class of every module against the architecture rules. */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.rekey");
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("onion", ArchitectureRules.ONION),
                Arguments.of("domain is pure", ArchitectureRules.DOMAIN_IS_PURE),
                Arguments.of("application uses no framework", ArchitectureRules.APPLICATION_USES_NO_FRAMEWORK),
                Arguments.of("nothing depends on bootstrap", ArchitectureRules.NOTHING_DEPENDS_ON_BOOTSTRAP),
                Arguments.of("adapters see ports, not services", ArchitectureRules.ADAPTERS_SEE_PORTS_NOT_SERVICES),
                Arguments.of("in-ports independent of out-ports", ArchitectureRules.IN_PORTS_INDEPENDENT_OF_OUT_PORTS),
                Arguments.of("out-ports independent of in-ports", ArchitectureRules.OUT_PORTS_INDEPENDENT_OF_IN_PORTS),
                Arguments.of("no cycles", ArchitectureRules.NO_CYCLES),
                Arguments.of("no generic exceptions", ArchitectureRules.NO_GENERIC_EXCEPTIONS),
                Arguments.of("no field injection", ArchitectureRules.NO_FIELD_INJECTION),
                Arguments.of("no java.util.logging", ArchitectureRules.NO_JAVA_UTIL_LOGGING),
                Arguments.of("standard streams only in the printer", ArchitectureRules.STANDARD_STREAMS_ONLY_IN_PRINTER),
                Arguments.of("JPA entities package-private", ArchitectureRules.JPA_ENTITIES_PACKAGE_PRIVATE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void productionCode_followsRule(String name, ArchRule rule) {
        rule.check(production);
    }

    @Test
    void domainRule_failsForAJpaTypeInTheDomain() {
        JavaClasses fixture = new ClassFileImporter().importClasses(DomainTypeUsingJpa.class);
        assertThatThrownBy(() -> ArchitectureRules.DOMAIN_IS_PURE.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("jakarta.persistence");
    }

    @Test
    void domainRule_failsForAJavalinTypeInTheDomain() {
        JavaClasses fixture = new ClassFileImporter().importClasses(DomainTypeUsingJavalin.class);
        assertThatThrownBy(() -> ArchitectureRules.DOMAIN_IS_PURE.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("io.javalin");
    }

    @Test
    void applicationRule_failsForAMicrometerTypeInTheApplication() {
        JavaClasses fixture = new ClassFileImporter().importClasses(ApplicationTypeUsingMicrometer.class);
        assertThatThrownBy(() -> ArchitectureRules.APPLICATION_USES_NO_FRAMEWORK.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("io.micrometer");
    }
}
