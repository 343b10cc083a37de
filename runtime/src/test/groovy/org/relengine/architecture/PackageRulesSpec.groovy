package org.relengine.architecture

import com.tngtech.archunit.core.domain.JavaClasses
import com.tngtech.archunit.core.importer.ClassFileImporter
import com.tngtech.archunit.core.importer.ImportOption
import com.tngtech.archunit.lang.ArchRule
import spock.lang.Shared
import spock.lang.Specification

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices

/**
 * The runtime's packages and what each may use (docs/adr/0003): step units know the plan and its SPI, never how
 * it is run; the effects and executors know the plan, never the scheduler or a step; the kernel and the
 * scheduler name no step; only the command line wires everything together; no two packages need each other.
 */
class PackageRulesSpec extends Specification {

    @Shared
    JavaClasses runtime = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages('org.relengine')

    def "no two packages of the runtime depend on each other, however indirectly"() {
        expect:
        holds slices().matching('org.relengine.(**)').should().beFreeOfCycles()
    }

    def "#who may not use #what"() {
        expect:
        holds noClasses().that().resideInAnyPackage(who).should().dependOnClassesThat()
                .resideInAnyPackage(what as String[])

        where:
        who                          | what
        'org.relengine.steps..'      | ['org.relengine.exec..', 'org.relengine.effects..', 'org.relengine.executors..', 'org.relengine.cli..', 'org.relengine.report..', 'org.relengine.demo..']
        'org.relengine.steps.*..'    | ['org.relengine.plan.kernel..', 'org.relengine.steps']
        'org.relengine.plan'         | ['org.relengine.plan.spi..', 'org.relengine.plan.kernel..', 'org.relengine.steps..', 'org.relengine.exec..', 'org.relengine.effects..', 'org.relengine.executors..', 'org.relengine.cli..']
        'org.relengine.plan.spi..'   | ['org.relengine.plan.kernel..', 'org.relengine.steps..', 'org.relengine.exec..', 'org.relengine.effects..', 'org.relengine.executors..', 'org.relengine.cli..']
        'org.relengine.plan.kernel..'| ['org.relengine.steps..', 'org.relengine.exec..', 'org.relengine.effects..', 'org.relengine.executors..', 'org.relengine.cli..']
        'org.relengine.effects..'    | ['org.relengine.exec..', 'org.relengine.executors..', 'org.relengine.steps..', 'org.relengine.cli..']
        'org.relengine.executors..'  | ['org.relengine.exec..', 'org.relengine.steps..', 'org.relengine.cli..']
        'org.relengine.exec..'       | ['org.relengine.steps..', 'org.relengine.cli..', 'org.relengine.plan.kernel..']
        'org.relengine.formats..'    | ['org.relengine.plan..', 'org.relengine.steps..', 'org.relengine.exec..', 'org.relengine.effects..', 'org.relengine.cli..']
    }

    def "nothing but the command line uses the command line"() {
        expect:
        holds noClasses().that().resideOutsideOfPackage('org.relengine.cli..').should().dependOnClassesThat()
                .resideInAPackage('org.relengine.cli..')
    }

    /** A rule that holds, or a failure that names every dependency against it. */
    private boolean holds(ArchRule rule) {
        rule.check(runtime)
        true
    }
}
