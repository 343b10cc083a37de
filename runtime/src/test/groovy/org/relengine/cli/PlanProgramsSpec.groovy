package org.relengine.cli

import java.nio.file.Path
import org.relengine.compile.Recipes
import org.relengine.model.Recipe
import org.relengine.plan.Plan
import org.relengine.plan.PlanOptions
import org.relengine.steps.StepRegistry
import org.relengine.plan.Scope
import org.relengine.tools.PackageManager
import org.relengine.tools.PlanPrograms
import org.relengine.tools.ProgramCatalog
import spock.lang.Specification

/**
 * The programs a plan runs are read off the plan, and every one of them has its package in the catalog
 * `relengine doctor`, the demo's installer and .ci/run read: a step that starts running a new program fails
 * here, not on a user's new machine.
 */
class PlanProgramsSpec extends Specification {

    static final ProgramCatalog CATALOG = ProgramCatalog.SHIPPED

    static Recipe load(String name) {
        def result = Recipes.load(Path.of("../recipes/${name}.groovy"))
        assert result.ok(): result.diagnostics().all()
        result.recipe()
    }

    static Plan fullPlan(Recipe recipe) {
        StepRegistry.plan(recipe, new PlanOptions(true, [], [], Scope.ALL, true, true, null, '20261203.120000'))
    }

    static PlanPrograms programsOf(String job) {
        job == 'demo' ? DemoPlanning.programs(load('rocky9'), Path.of('/tmp/relengine-demo-spec'))
                : PlanPrograms.of(fullPlan(load(job)), CATALOG)
    }

    def "every program the #job plan runs has a package for dnf, and for apt-get or a reason there is none"() {
        given:
        PlanPrograms programs = programsOf(job)

        expect:
        CATALOG.unknown(programs.programs().keySet()) == []
        programs.programs().keySet().every { CATALOG.find(it).get().dnf() != null }
        programs.programs().keySet().every {
            def program = CATALOG.find(it).get()
            program.apt() != null || program.noApt().length() > 20
        }

        where:
        job << ['demo', 'rocky8', 'rocky9', 'rocky9-beta', 'rocky9-lookahead']
    }

    def "the #job plan runs exactly these programs, these of them on this machine"() {
        given:
        PlanPrograms programs = programsOf(job)

        expect:
        programs.programs().keySet() as List == all
        programs.here() as List == here

        where:
        job      | all                                                                                  | here
        'demo'   | ['createrepo_c', 'dnf repoclosure', 'gpg', 'hardlink', 'implantisomd5',
                    'mktorrent', 'modifyrepo_c', 'rpmbuild', 'rsync', 'xorriso']                         | all
        'rocky9' | ['dnf', 'dnf repoclosure', 'git', 'gpg', 'hardlink', 'implantisomd5', 'ksflatten', 'livemedia-creator',
                    'lorax', 'mktorrent', 'mock', 'modifyrepo_c', 'podman', 'rpmkeys', 'rsync', 'sh', 'tar',
                    'xorriso']                                                                           | ['gpg', 'hardlink', 'mktorrent', 'mock', 'modifyrepo_c', 'podman', 'rpmkeys', 'rsync', 'xorriso']
        'rocky8' | ['cp', 'createrepo_c', 'dnf', 'dnf repoclosure', 'git', 'gpg', 'hardlink', 'implantisomd5', 'ksflatten',
                    'livemedia-creator', 'lorax', 'mktorrent', 'mock', 'modifyrepo_c', 'podman', 'rm', 'rpmkeys',
                    'rsync', 'sed', 'sh', 'tar', 'xorriso']                                            | ['createrepo_c', 'gpg', 'hardlink', 'mktorrent', 'mock', 'modifyrepo_c', 'podman', 'rpmkeys', 'rsync', 'xorriso']
    }

    def "with #removed gone from the catalog, the #job plan is caught running a program it cannot install"() {
        given:
        ProgramCatalog lacking = CATALOG.without(removed)

        expect:
        lacking.unknown(programsOf(job).programs().keySet()) == [removed]

        where:
        job      | removed
        'demo'   | 'rsync'
        'demo'   | 'mktorrent'
        'demo'   | 'rpmbuild'
        'rocky8' | 'modifyrepo_c'
        'rocky9' | 'rpmkeys'
        'rocky9' | 'dnf repoclosure'
        'rocky9' | 'podman'
    }

    def "a command is named by its program, and dnf's plugin commands by the command too: #argv"() {
        expect:
        CATALOG.nameOf(argv) == name

        where:
        argv                                       | name
        ['dnf', 'reposync', '-c', 'x.conf']        | 'dnf reposync'
        ['dnf', 'repoclosure', '--check', 'BaseOS'] | 'dnf repoclosure'
        ['dnf', '--version']                       | 'dnf'
        ['/usr/bin/rsync', '-a', 'a/', 'b/']       | 'rsync'
        ['xorriso', '-indev', 'x.iso']             | 'xorriso'
    }

    def "the packages of missing programs are each named once, sorted, per package manager"() {
        when:
        def apt = Doctor.packages(['rsync', 'implantisomd5', 'checkisomd5', 'dnf reposync', 'lorax'], PackageManager.APT)
        def dnf = Doctor.packages(['rsync', 'implantisomd5', 'checkisomd5', 'dnf reposync', 'lorax'], PackageManager.DNF)

        then:
        apt.packages() == ['dnf-plugins-core', 'isomd5sum', 'rsync']
        apt.unavailable()*.name() == ['lorax']
        dnf.packages() == ['dnf-plugins-core', 'isomd5sum', 'lorax', 'rsync']
        dnf.unavailable() == []

        and:
        PackageManager.APT.installCommand(apt.packages()) ==
                ['apt-get', 'install', '-y', '-q', '--no-install-recommends', 'dnf-plugins-core', 'isomd5sum', 'rsync']
        PackageManager.DNF.installCommand(dnf.packages()) == ['dnf', 'install', '-y', 'dnf-plugins-core', 'isomd5sum',
                                                              'lorax', 'rsync']
    }
}
