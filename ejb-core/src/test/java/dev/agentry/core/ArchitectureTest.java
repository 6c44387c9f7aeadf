package dev.agentry.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The core's structure as rules: features without cycles, and no HTTP, Faces or batch types. */
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
}
