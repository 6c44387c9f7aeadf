package dev.agentry.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The core's structure as rules: features without cycles, no HTTP, Faces or batch types, and boundaries the other
 * modules can call. What those modules may use of the core ({@link Boundary} classes and value types) is checked in
 * each of them by {@link CoreBoundaryRules}, shared through this module's test jar.
 */
@AnalyzeClasses(packages = "dev.agentry.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresFormNoCycle =
            slices().matching("dev.agentry.core.(*)..").should().beFreeOfCycles();

    /** The core is called by resources, Faces beans and batch steps; it never sees their types (its outbound
     * webhook client, on the platform's JAX-RS client API, is no request of anyone's). */
    @ArchTest
    static final ArchRule theCoreKnowsNoRequestFacesOrBatchType = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.ws.rs.container..", "jakarta.servlet..", "jakarta.faces..", "jakarta.batch..")
            .orShould()
            .beAnnotatedWith("jakarta.ws.rs.Path");

    /** A boundary is what the other modules call, so it is public; the rest of a feature need not be. */
    @ArchTest
    static final ArchRule boundariesArePublic = classes()
            .that()
            .areAnnotatedWith(Boundary.class)
            .should()
            .bePublic()
            .andShould()
            .beTopLevelClasses();

    @ArchTest
    static final ArchRule jsonIsBuiltOnTheProviderLookedUpOnce = CoreBoundaryRules.jsonIsBuiltOnTheProviderLookedUpOnce;
}
