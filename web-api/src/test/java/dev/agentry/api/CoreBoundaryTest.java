package dev.agentry.api;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.agentry.core.CoreBoundaryRules;

/** This module uses only the core's boundaries and value types ({@link CoreBoundaryRules}). */
@AnalyzeClasses(packages = "dev.agentry.api", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreBoundaryTest {

    @ArchTest
    static final ArchTests core = ArchTests.in(CoreBoundaryRules.class);
}
