package org.xiaoche.routing.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The engine's boundaries, checked on the compiled main classes of {@code routing} (its jar's content). */
@AnalyzeClasses(packages = "org.xiaoche.routing", importOptions = ImportOption.DoNotIncludeTests.class)
class RoutingArchitectureTest {

    @ArchTest
    static final ArchRule engine_uses_no_server_or_database_library = noClasses()
            .that().resideInAPackage("org.xiaoche.routing..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "java.sql..", "javax.sql..", "jakarta.servlet..", "javax.servlet..",
                    "org.postgresql..", "org.h2..")
            .because("routing is a plain library: no Spring, no servlet, no database");

    @ArchTest
    static final ArchRule validator_shares_no_code_with_the_planner = noClasses()
            .that().resideInAPackage("org.xiaoche.routing.validation..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.xiaoche.routing.stops..", "org.xiaoche.routing.optimization..", "org.xiaoche.routing.plan..")
            .because("the validator re-checks a plan from its timetable alone, sharing no code with stops, solver or pipeline");

    @ArchTest
    static final ArchRule engine_holds_no_benchmark_harness = noClasses()
            .should().resideInAPackage("org.xiaoche.routing.benchmark..")
            .because("benchmark harnesses live in the benchmarks module, outside the engine jar");
}
