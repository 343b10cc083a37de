package org.relengine.steps.stage

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import org.relengine.compile.Recipes
import org.relengine.effects.LocalEffects
import org.relengine.exec.ComposeRun
import org.relengine.plan.spi.TaskFailure
import org.relengine.plan.Action
import org.relengine.plan.PlanOptions
import org.relengine.steps.StepRegistry
import spock.lang.Specification
import spock.lang.TempDir

/**
 * After the staging sync, the links Rocky's release scripts make beside the staging directory: relative, each
 * renamed over the old one, after the guarded rsync, and named among the task's outputs so that plan and dry run
 * show them.
 */
class StagingLinksSpec extends Specification {

    static final String ROCKY = '/mnt/repos-staging/mirror/pub/rocky'

    @TempDir
    Path dir

    static org.relengine.plan.Task stage(String release, String staging = 'staging delete: true') {
        def result = Recipes.load(Path.of('links.groovy'), """\
            release 'Rocky Linux', short: 'Rocky', $release
            arches 'x86_64'
            source peridot, url: 'https://yumrepofs.example.org/v1/projects', project: 'p'
            repos {
                repo 'BaseOS'
                repo 'NFV'
                repo 'devel'
            }
            compose {
                sync from: peridot
            }
            publish {
                $staging
            }
            """.stripIndent())
        assert result.ok(): result.diagnostics().toString()
        StepRegistry.plan(result.recipe(), PlanOptions.fullRun()).task('stage').get()
    }

    static List<String> links(org.relengine.plan.Task task) {
        task.actions().findAll { it instanceof Action.Symlink }.collect { Action.Symlink l -> "${l.link()} -> ${l.target()}".toString() }
    }

    def "a #what release links #expected"() {
        expect:
        links(stage(release)) == expected.collect { "$ROCKY/$it".toString() }

        where:
        what                  | release                                                     || expected
        'release candidate'   | "version: '9.7', rc: 'RC2', final: true"                    || ['latest-9 -> 9.7-RC2', '9.7 -> 9.7-RC2']
        'stable without RC'   | "version: '9.7'"                                            || ['latest-9 -> 9.7']
        'beta of 9'           | "version: '9.8', rc: 'BETA1', final: false, channel: beta"  || ['9-BETA -> 9.8-beta']
        'beta of 10'          | "version: '10.2', rc: 'BETA1', final: false, channel: beta" || ['10-BETA -> 10.2-BETA']
        'lookahead'           | "version: '9.8', rc: 'LH1', final: false, channel: lookahead" || ['9-LookAhead -> 9.8-LookAhead']
        'Rocky 8 candidate'   | "version: '8.10', rc: 'RC1', final: true"                   || ['latest-8 -> 8.10-RC1', '8.10 -> 8.10-RC1']
    }

    def "a staging suffix the recipe sets is what the links lead to"() {
        expect:
        links(stage("version: '9.7', rc: 'RC2', final: true", "staging delete: true, suffix: '-final'")) ==
                ["$ROCKY/latest-9 -> 9.7-final", "$ROCKY/9.7 -> 9.7-final"]*.toString()
    }

    def "the recipe's links inside the staging directory, Rocky 8's LINK_REPOS, come before the release's links"() {
        when:
        def task = stage("version: '8.10', rc: 'RC2', final: true", "staging delete: false, links: [nfv: 'NFV', Devel: 'devel']")

        then:
        links(task) == ["$ROCKY/8.10-RC2/nfv -> NFV", "$ROCKY/8.10-RC2/Devel -> devel", "$ROCKY/latest-8 -> 8.10-RC2",
                        "$ROCKY/8.10 -> 8.10-RC2"]*.toString()
        task.outputs() == ["$ROCKY/8.10-RC2", "$ROCKY/8.10-RC2/nfv", "$ROCKY/8.10-RC2/Devel", "$ROCKY/latest-8",
                           "$ROCKY/8.10"]*.toString()
    }

    def "the links come after the guarded rsync, as ln -sfn, and are outputs of the task"() {
        when:
        def task = stage("version: '9.7', rc: 'RC2', final: true")
        def described = task.actions()*.describe()

        then:
        described.takeRight(2) == ["ln -sfn 9.7-RC2 $ROCKY/latest-9", "ln -sfn 9.7-RC2 $ROCKY/9.7"]*.toString()
        described[-3].startsWith('rsync ')
        task.outputs() == ["$ROCKY/9.7-RC2", "$ROCKY/latest-9", "$ROCKY/9.7"]*.toString()
    }

    LocalEffects effects() {
        new LocalEffects(dir.resolve('logs'), Duration.ofMinutes(1), StepRegistry.standard(), ComposeRun.producing(),
                dir.resolve('tmp'))
    }

    def "a link that was there leads to the new directory afterwards, as a relative link, and the task's log says so"() {
        given:
        Path rocky = Files.createDirectories(dir.resolve('mirror/pub/rocky'))
        Files.createDirectories(rocky.resolve('9.7-RC1'))
        Files.createDirectories(rocky.resolve('9.7-RC2'))
        Files.createSymbolicLink(rocky.resolve('latest-9'), Path.of('9.7-RC1'))

        when:
        effects().symlink('stage', rocky.resolve('latest-9').toString(), '9.7-RC2')

        then:
        Files.readSymbolicLink(rocky.resolve('latest-9')) == Path.of('9.7-RC2')
        Files.list(rocky).withCloseable { it*.fileName*.toString().sort() } == ['9.7-RC1', '9.7-RC2', 'latest-9']
        Files.readString(dir.resolve('logs/stage.log')) == "linked ${rocky.resolve('latest-9')} -> 9.7-RC2\n"
    }

    def "a directory where a link goes is left as it is, and the task fails naming it"() {
        given:
        Path rocky = Files.createDirectories(dir.resolve('mirror/pub/rocky'))
        Files.createDirectories(rocky.resolve('9.7/BaseOS'))

        when:
        effects().symlink('stage', rocky.resolve('9.7').toString(), '9.7-RC2')

        then:
        def failure = thrown(TaskFailure)
        failure.message == "cannot link ${rocky.resolve('9.7')} to 9.7-RC2: ${rocky.resolve('9.7')}: a directory, not a link; refusing to replace it"
        Files.isDirectory(rocky.resolve('9.7/BaseOS'))
        !Files.isSymbolicLink(rocky.resolve('9.7'))
        Files.list(rocky).withCloseable { it*.fileName*.toString() } == ['9.7']
    }
}
