package org.relengine.cli

import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Shared
import spock.lang.Specification

/**
 * The recipe the project card shows works as written: a release, its arches, a source, BaseOS and
 * AppStream, a `dvd` image and one compose line, `sync from: peridot; iso arches: all; extras 'dvd',
 * mode: podman`, with no lorax, unpack or artifacts declaration; it validates, plans and dry-runs.
 */
class CardRecipeSpec extends Specification {

    static final String CARD = '''\
release 'Rocky Linux', short: 'Rocky', version: '9.7', rc: 'RC1'
arches 'x86_64', 'aarch64'
source peridot, url: 'https://yumrepofs.build.resf.org/v1/projects', project: 'e285fe05', hashed: true

repos {
    repo 'BaseOS', closure: true
    repo 'AppStream', closure: ['BaseOS']
}

images {
    image 'dvd', repos: ['BaseOS', 'AppStream']
}

compose { sync from: peridot; iso arches: all; extras 'dvd', mode: podman }
'''

    @Shared Path dir = Files.createTempDirectory('relengine-card')
    @Shared Path recipe = Cli.writeRecipe(dir, 'card.groovy', CARD)

    def "the card's recipe validates"() {
        when:
        def result = Cli.run([dir: dir], 'validate', 'card.groovy')

        then:
        result.exitCode == 0
        result.stdout == 'card.groovy: ok\n'
        result.stderr == ''
    }

    def "it plans lorax, an implied unpack and the DVD per arch, lorax building in the compose's work tree"() {
        when:
        def text = Cli.run([dir: dir], 'plan', 'card.groovy')
        def json = Cli.run([dir: dir], 'plan', 'card.groovy', '--format', 'json')
        Map plan = new JsonSlurper().parseText(json.stdout) as Map
        Map<String, Map> tasks = (plan.tasks as List<Map>).collectEntries { [(it.id): it] }
        String work = '/mnt/compose/9/Rocky-9.7-<YYYYMMDD.HHMMSS>/work'

        then:
        text.exitCode == 2
        text.stdoutLines[0] == 'Plan for card.groovy: 29 tasks to run (full run: a new compose)'
        json.exitCode == 2

        and: 'lorax with its defaults, on this machine, its result kept in the work tree'
        tasks['lorax:x86_64'].executor == 'local'
        tasks['lorax:x86_64'].commands[0].containsAll(['--variant=BaseOS',
                '--source=https://yumrepofs.build.resf.org/v1/projects/e285fe05/repo/hashed-BaseOS/x86_64',
                '--source=https://yumrepofs.build.resf.org/v1/projects/e285fe05/repo/hashed-AppStream/x86_64',
                "--logfile=$work/lorax-build/x86_64/lorax-x86_64.log".toString(), "$work/lorax-build/x86_64/lorax".toString()])
        tasks['lorax:x86_64'].outputs == ["$work/artifacts/buildiso-9-amd64".toString()]

        and: 'the unpack extras needs, from the same store, before the DVD'
        tasks['unpack:aarch64'].dependsOn == ['lorax:aarch64']
        tasks['unpack:aarch64'].inputs == ["$work/artifacts".toString()]
        tasks['extras:dvd:x86_64'].executor == 'podman'
        tasks['extras:dvd:x86_64'].dependsOn.contains('unpack:x86_64')
    }

    def "it dry-runs, and the dry run leaves the root untouched"() {
        given:
        Path root = dir.resolve('root')

        when:
        def dry = Cli.run([dir: dir], 'run', 'card.groovy', '--dry-run', '--root', root.toString())

        then:
        dry.exitCode == 0
        dry.stackTraceMarkers == []
        dry.stdout.contains("tar -C $root/compose/9/".toString())
        dry.stdoutLines.any { it ==~ /    # upload lorax-9\.7-x86_64\.tar\.gz to .+\/work\/artifacts\/buildiso-9-amd64\/<epoch>\/lorax-9\.7-x86_64\.tar\.gz/ }
        !Files.exists(root)
    }

    def "show lists what the recipe implies: lorax's defaults and the unpack step"() {
        when:
        def show = Cli.run([dir: dir], 'show', 'card.groovy', '--format', 'json')
        Map model = new JsonSlurper().parseText(show.stdout) as Map

        then:
        show.exitCode == 0
        model.lorax.repos == ['BaseOS', 'AppStream']
        model.lorax.variant == 'BaseOS'
        (model.compose as List<Map>)*.step == ['sync', 'iso', 'unpack', 'extras']
        (model.compose as List<Map>)*.implied == [null, null, true, null]
    }

    def "lorax on kubernetes without a bucket and an image for its Jobs is refused at its executor, saying why"() {
        given:
        Cli.writeRecipe(dir, 'remote.groovy', CARD.replace('iso arches: all', 'iso arches: all, on: kubernetes'))

        when:
        def result = Cli.run([dir: dir], 'validate', 'remote.groovy')

        then:
        result.exitCode == 1
        Cli.Result.diagnosticLines(result.stdout + result.stderr) == [
                'remote.groovy:14:52: error: step `iso` needs the declaration `artifacts` (lorax runs on kubernetes, and its results come back through a bucket) [R322]',
                'remote.groovy:14:52: error: step `iso` needs the declaration `kubernetes` (with an image: each task on kubernetes runs as a Job) [R322]']
    }
}
