package org.relengine.steps.signrepos

import java.nio.file.Path
import org.relengine.compile.Recipes
import org.relengine.model.Recipe
import org.relengine.plan.Action
import org.relengine.plan.Plan
import org.relengine.plan.PlanException
import org.relengine.plan.PlanOptions
import org.relengine.steps.StepRegistry
import spock.lang.Specification

/**
 * `signRepos`, Rocky's sign-repos-only: after staging, the repomd.xml of every staged tree of the kinds named gets
 * a detached signature, before production is promoted.
 */
class SignReposStepSpec extends Specification {

    static final String STAGING = '/mnt/repos-staging/mirror/pub/rocky/9.7-RC2'

    static Recipe recipe(String signRepos, String more = '') {
        def result = Recipes.load(Path.of('sign.groovy'), """\
            release 'Rocky Linux', short: 'Rocky', version: '9.7', rc: 'RC2', final: true, code: 'Blue Onyx'
            arches 'x86_64', 'aarch64'
            source peridot, url: 'https://yumrepofs.example.org/v1/projects', project: 'p'
            repos {
                repo 'BaseOS', kickstart: true
                repo 'RT', arches: ['x86_64']
            }
            compose {
                sync from: peridot
            }
            publish {
                staging delete: true
                production delete: true
                $signRepos
                $more
            }
            """.stripIndent())
        assert result.ok(): result.diagnostics().toString()
        result.recipe()
    }

    static Plan plan(Recipe recipe) {
        StepRegistry.plan(recipe, PlanOptions.fullRun())
    }

    static List<String> signed(Plan plan) {
        plan.task('signrepos').get().outputs()*.replace(STAGING + '/', '')*.replace('/repodata/repomd.xml.asc', '')
    }

    def "by default the os and debug tree of every repo on each of its arches and each repo's source tree are signed"() {
        expect:
        signed(plan(recipe("signRepos key: 'releng@example.org'"))) == [
                'BaseOS/x86_64/os', 'BaseOS/x86_64/debug/tree', 'BaseOS/aarch64/os', 'BaseOS/aarch64/debug/tree',
                'BaseOS/source/tree', 'RT/x86_64/os', 'RT/x86_64/debug/tree', 'RT/source/tree']
    }

    def "trees #trees sign #expected"() {
        expect:
        signed(plan(recipe("signRepos key: 'releng@example.org', trees: $trees"))) == expected

        where:
        trees                   || expected
        "['os']"                || ['BaseOS/x86_64/os', 'BaseOS/aarch64/os', 'RT/x86_64/os']
        "['kickstart']"         || ['BaseOS/x86_64/kickstart', 'BaseOS/aarch64/kickstart', 'RT/x86_64/kickstart']
        "['source', 'debug']"   || ['BaseOS/x86_64/debug/tree', 'BaseOS/aarch64/debug/tree', 'BaseOS/source/tree',
                                    'RT/x86_64/debug/tree', 'RT/source/tree']
    }

    def "each repomd.xml is signed armored and detached under a partial name, made 0644 and moved into place"() {
        when:
        def task = plan(recipe("signRepos key: 'releng@example.org', homedir: '/etc/relengine/gnupg'"))
                .task('signrepos').get()
        def repomd = "$STAGING/BaseOS/x86_64/os/repodata/repomd.xml".toString()

        then:
        task.actions().take(3)*.describe() == [
                "gpg --homedir /etc/relengine/gnupg --batch --yes --detach-sign --armor --local-user releng@example.org --output ${repomd}.asc.partial $repomd",
                "make ${repomd}.asc.partial 0644, or 0755 for directories, with everything in it (gpg wrote it as the umask says)",
                "move ${repomd}.asc.partial into place as ${repomd}.asc"]*.toString()
        task.actions().size() == 3 * 8
    }

    def "it follows staging and production follows it, so a mirror never sees an unsigned repomd.xml"() {
        when:
        def p = plan(recipe("signRepos key: 'releng@example.org'"))

        then:
        p.task('signrepos').get().dependsOn() == ['stage']
        p.task('promote').get().dependsOn() == ['signrepos']
        p.tasks()*.id().findAll { it in ['stage', 'signrepos', 'promote'] } == ['stage', 'signrepos', 'promote']
    }

    def "#what is refused before anything is planned, with a hint"() {
        when:
        plan(recipe(signRepos, more))

        then:
        PlanException e = thrown()
        e.message == message
        e.hint() == hint

        where:
        what                   | signRepos                                               | more                                       || message | hint
        'a tree it cannot sign' | "signRepos key: 'k', trees: ['os', 'isos']"           | ''                                         || 'signRepos trees: `isos` is no kind of tree relengine composes' | 'trees: os, debug, source, kickstart'
        'signing os twice'      | "signRepos key: 'k'"                                   | "sign key: 'k', repomd: true"              || '`sign repomd: true` and `signRepos` would both sign the repomd.xml of the os, debug and source trees' | 'keep one: `signRepos` for Rocky\'s sign-repos-only, `sign repomd: true` for the update path that rebuilds repodata in staging'
        'signing debug twice'   | "signRepos key: 'k', trees: ['debug']"                 | "sign key: 'k', repomd: true"              || '`sign repomd: true` and `signRepos` would both sign the repomd.xml of the os, debug and source trees' | 'keep one: `signRepos` for Rocky\'s sign-repos-only, `sign repomd: true` for the update path that rebuilds repodata in staging'
    }

    def "Rocky 9's recipe signs as Rocky does: every staged os, debug and source tree, with the release key"() {
        when:
        def rocky9 = Recipes.load(Path.of('../recipes/rocky9.groovy')).recipe()
        def task = plan(rocky9).task('signrepos').get()
        def trees = signed(plan(rocky9))

        then:
        task.commands().every { it[0] == 'gpg' && it.contains('releng@rockylinux.org') }
        trees.containsAll(['BaseOS/x86_64/os', 'AppStream/s390x/debug/tree', 'CRB/source/tree', 'devel/i686/os'])
        trees.count { it.endsWith('/source/tree') } == rocky9.repos().count { it.source() }
        trees.count { it.endsWith('/os') } == rocky9.repos().sum { rocky9.syncArches(it).size() }
        !trees.any { it.endsWith('/kickstart') }
    }
}
