package dev.agentry.core;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rule the modules that call the core (web-api, admin-jsf, batch-jobs) are held to, shared with them as this
 * module's test jar: of the core they use {@link Boundary} classes and value types (records, enums, exceptions,
 * annotations), nothing else. Each calling module runs it over its own classes ({@code CoreBoundaryTest}).
 */
public final class CoreBoundaryRules {

    /** What a caller may use of the core: a boundary, or a value type, or a type nested in either. */
    public static final DescribedPredicate<JavaClass> CALLABLE = DescribedPredicate.describe(
            "a @Boundary or a value type (record, enum, exception, annotation)", CoreBoundaryRules::callable);

    @ArchTest
    public static final ArchRule callersUseOnlyTheCoresBoundaries = noClasses()
            .that()
            .resideOutsideOfPackage("dev.agentry.core..")
            .should()
            .dependOnClassesThat(resideInAPackage("dev.agentry.core..").and(not(CALLABLE)))
            .because("a feature's boundary is its @Boundary classes and its value types; the rest is its own");

    /** {@code Json}'s factories look their provider up on every call; {@code Jsonp} holds it (a profiled hot spot). */
    @ArchTest
    public static final ArchRule jsonIsBuiltOnTheProviderLookedUpOnce = noClasses()
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("jakarta.json.Json")
            .because("jakarta.json.Json scans the ServiceLoader on every call; dev.agentry.core.json.Jsonp does not");

    private CoreBoundaryRules() {}

    static boolean callable(JavaClass type) {
        JavaClass outermost = type;
        while (outermost.getEnclosingClass().isPresent()) {
            if (valueType(outermost) || boundary(outermost)) {
                return true;
            }
            outermost = outermost.getEnclosingClass().get();
        }
        return valueType(outermost) || boundary(outermost);
    }

    private static boolean boundary(JavaClass type) {
        return annotatedWith(Boundary.class).test(type);
    }

    private static boolean valueType(JavaClass type) {
        return assignableTo(Record.class).test(type)
                || type.isEnum()
                || type.isAnnotation()
                || assignableTo(Throwable.class).test(type);
    }
}
