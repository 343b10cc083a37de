package org.relengine.cli

import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * `relengine diff`: a reviewer of a recipe change sees what it does to the model and to the plan, against
 * another file or the same recipe at a git revision (read with JGit from a real repository made by git).
 */
class DiffCommandSpec extends Specification {

    @TempDir
    Path dir

    private Cli.Result git(String... args) {
        def result = Cli.exec(['git', '-c', 'user.name=Release Engineer', '-c', 'user.email=releng@example.org',
                               '-c', 'init.defaultBranch=main'] + (args as List), dir)
        assert result.exitCode == 0: result.stderr
        result
    }

    private void commitRecipes(String message) {
        git('add', '-A')
        git('commit', '-q', '-m', message)
    }

    def setup() {
        git('init', '-q')
        Files.copy(Cli.RECIPES.resolve('rocky9.groovy'), dir.resolve('rocky9.groovy'))
        Files.copy(Cli.RECIPES.resolve('rocky9-beta.groovy'), dir.resolve('rocky9-beta.groovy'))
        commitRecipes('Rocky 9.7')
    }

    private void edit(String file, String from, String to) {
        Path path = dir.resolve(file)
        String text = Files.readString(path)
        assert text.count(from) == 1
        Files.writeString(path, text.replace(from, to))
    }

    /** `relengine diff rocky9.groovy@HEAD rocky9.groovy --format json`: its exit code and its document. */
    private List jsonDiffWithHead() {
        def result = Cli.run([dir: dir], 'diff', 'rocky9.groovy@HEAD', 'rocky9.groovy', '--format', 'json')
        [result.exitCode, new JsonSlurper().parseText(result.stdout)]
    }

    def "a recipe compared with itself at HEAD shows no difference and exits 0"() {
        when:
        def result = Cli.run([dir: dir], 'diff', 'rocky9.groovy@HEAD', 'rocky9.groovy')

        then:
        result.exitCode == 0
        result.stdoutLines[0] ==~ /relengine diff rocky9\.groovy@HEAD \([0-9a-f]{12}\) → rocky9\.groovy/
        result.stdout.contains('Model: no change')
        result.stdout.contains('Plan: 0 tasks added, 0 removed, 0 changed')
    }

    def "a repo limited to fewer arches shows as a model change and as removed tasks"() {
        given:
        edit('rocky9.groovy', "repo 'NFV',              arches: ['x86_64'],",
                "repo 'NFV',              arches: ['x86_64'], debug: false,")
        edit('rocky9.groovy', "repo 'RT',               arches: ['x86_64', 'aarch64'],",
                "repo 'RT',               arches: ['x86_64'],")

        when:
        def result = Cli.run([dir: dir], 'diff', 'rocky9.groovy@HEAD', 'rocky9.groovy', '--format', 'json')
        def json = new JsonSlurper().parseText(result.stdout)

        then:
        result.exitCode == 2
        json.schema == 'relengine.diff/1'
        json.model.removed == ['repos[RT].arches[1]': 'aarch64', 'repos[RT].syncArches[1]': 'aarch64']
        json.model.changed == ['repos[NFV].debug': [old: 'true', new: 'false']]
        json.plan.added == []
        json.plan.removed == ['sync:RT:aarch64:os', 'sync:RT:aarch64:debug', 'sync:RT:aarch64:kickstart',
                              'sync:NFV:x86_64:debug', 'repoclosure:RT:aarch64', 'treeinfo:RT:aarch64', 'updateinfo:RT:aarch64']
        json.plan.changed*.id == ['prepare', 'finalize', 'signrepos']
        // finalize waits for other tasks, and its metadata lists RT on fewer arches; fewer trees are signed
        json.plan.changed.find { it.id == 'finalize' }.fields == ['dependsOn', 'actions']
    }

    def "changing one constant changes it and every value made from it, and nothing else"() {
        given: 'rocky9.groovy names its owner once, for staging, production and the vault'
        edit('rocky9.groovy', "def owner     = '10004:10005'", "def owner     = '10004:10006'")

        when:
        def (exitCode, json) = jsonDiffWithHead()

        then:
        exitCode == 2
        json.model.added == [:]
        json.model.removed == [:]
        json.model.changed == ['constants.owner'          : [old: '10004:10005', new: '10004:10006'],
                               'publish[production].chown': [old: '10004:10005', new: '10004:10006'],
                               'publish[staging].chown'   : [old: '10004:10005', new: '10004:10006'],
                               'publish[vault].chown'     : [old: '10004:10005', new: '10004:10006']]
        json.plan.added == []
        json.plan.removed == []
        json.plan.changed*.id == ['stage', 'promote']
        json.plan.changed*.fields == [['actions', 'commands'], ['actions', 'commands']]
    }

    def "a list constant used in seven closures, three image lists and the errata list changes all of them"() {
        given: 'the core repos without AppStream, everywhere rocky9.groovy names them'
        edit('rocky9.groovy', "def core      = ['BaseOS', 'AppStream']", "def core      = ['BaseOS']")

        when:
        def (exitCode, json) = jsonDiffWithHead()

        then: 'each list made from `core` changes (lists compare element by element), and no other value'
        exitCode == 2
        json.model.added == [:]
        def touched = ((json.model.removed as Map).keySet() + (json.model.changed as Map).keySet())
                .collect { it.replaceFirst(/\[\d+]$/, '') } as Set
        touched == ['constants.core', 'repos[CRB].closure', 'repos[HighAvailability].closure', 'repos[ResilientStorage].closure',
                    'repos[RT].closure', 'repos[NFV].closure', 'repos[SAP].closure', 'repos[SAPHANA].closure',
                    'lorax.repos', 'images[dvd].repos', 'images[BaseOS].repos', 'publish[updateinfo].repos'] as Set

        and: 'AppStream gets no errata any more'
        json.plan.removed == ['updateinfo:AppStream:x86_64', 'updateinfo:AppStream:aarch64',
                              'updateinfo:AppStream:ppc64le', 'updateinfo:AppStream:s390x']
    }

    def "bumping the version is one line: every name derived from it changes, and nothing else"() {
        given: 'the release 9.8 of the same recipe; its plan and 9.7\'s, both at one date stamp'
        edit('rocky9.groovy', "version: '9.7'", "version: '9.8'")
        def options = ['--date-stamp', '20260101.000000', '--format', 'json']

        when:
        def diff = Cli.run([dir: dir], ['diff', 'rocky9.groovy@HEAD', 'rocky9.groovy', '--format', 'json'] as String[])
        def json = new JsonSlurper().parseText(diff.stdout)
        git('stash', '-q')
        def old = Cli.run([dir: dir], (['plan', 'rocky9.groovy'] + options) as String[])
        git('stash', 'pop', '-q')
        def bumped = Cli.run([dir: dir], (['plan', 'rocky9.groovy'] + options) as String[])
        // what the new version's names are, spelled back as the old one's: 9.8, 9_8 (release notes), 9-8 (volume ids)
        String back = bumped.stdout.replace('9.8', '9.7').replace('9_8', '9_7').replace('9-8-', '9-7-')
        // the recipe's own hash differs, as its text does
        String recipeHash = /"hash" : "sha256:[0-9a-f]{64}"/

        then:
        diff.exitCode == 2
        json.model.changed == ['paths.composeDir'      : [old: '/mnt/compose/9/Rocky-9.7-<YYYYMMDD.HHMMSS>', new: '/mnt/compose/9/Rocky-9.8-<YYYYMMDD.HHMMSS>'],
                               'paths.production'      : [old: '/mnt/repos-production/mirror/pub/rocky/9.7', new: '/mnt/repos-production/mirror/pub/rocky/9.8'],
                               'paths.staging'         : [old: '/mnt/repos-staging/mirror/pub/rocky/9.7-RC2', new: '/mnt/repos-staging/mirror/pub/rocky/9.8-RC2'],
                               'release.composeId'     : [old: 'Rocky-9.7-<YYYYMMDD.HHMMSS>', new: 'Rocky-9.8-<YYYYMMDD.HHMMSS>'],
                               'publish[torrents].comment': [old: 'https://docs.rockylinux.org/release_notes/9_7/',
                                                             new: 'https://docs.rockylinux.org/release_notes/9_8/'],
                               'release.minor'         : [old: '7', new: '8'],
                               'release.revisionLevel' : [old: '9.7-RC2', new: '9.8-RC2'],
                               'release.version'       : [old: '9.7', new: '9.8']]
        json.plan.added == [] && json.plan.removed == []
        old.exitCode == 2 && bumped.exitCode == 2
        bumped.stdout.contains('https://docs.rockylinux.org/release_notes/9_8/')
        bumped.stdout.contains('Rocky-9-8-x86_64-dvd')
        back != old.stdout
        back.replaceFirst(recipeHash, '') == old.stdout.replaceFirst(recipeHash, '')
    }

    def "an included recipe is read at the same revision as the recipe that includes it"() {
        given: 'the base recipe changes after the commit; the beta recipe itself does not'
        edit('rocky9.groovy', "version: '9.7'", "version: '9.9'")

        when: 'the beta recipe at HEAD is compared with the beta recipe now'
        def result = Cli.run([dir: dir], 'diff', 'rocky9-beta.groovy@HEAD', 'rocky9-beta.groovy')

        then: "the beta's own version wins over the base in both, so its model is unchanged"
        result.exitCode == 0
        result.stdout.contains('Model: no change')

        when: 'the base recipe is compared'
        def base = Cli.run([dir: dir], 'diff', 'rocky9.groovy@HEAD', 'rocky9.groovy')

        then:
        base.exitCode == 2
        base.stdout.contains('~ release.version: 9.7 → 9.9')
        base.stdout.contains('Plan: 0 tasks added, 0 removed, 325 changed')  // all but filelists, whose paths carry no version
    }

    def "a revision that does not exist is an error naming it, with no stack trace"() {
        when:
        def result = Cli.run([dir: dir], 'diff', 'rocky9.groovy@no-such-branch', 'rocky9.groovy')

        then:
        result.exitCode == 1
        result.stderr.startsWith('relengine: cannot read rocky9.groovy@no-such-branch: no revision `no-such-branch`')
        Cli.STACK_TRACE_MARKERS.every { !result.stdout.contains(it) && !result.stderr.contains(it) }
    }

    def "a recipe that did not exist at the revision is an error naming the file"() {
        given:
        Files.copy(Cli.RECIPES.resolve('rocky8.groovy'), dir.resolve('rocky8.groovy'))

        when:
        def result = Cli.run([dir: dir], 'diff', 'rocky8.groovy@HEAD', 'rocky8.groovy')

        then:
        result.exitCode == 1
        result.stderr.contains('rocky8.groovy at HEAD')
        Cli.STACK_TRACE_MARKERS.every { !result.stderr.contains(it) }
    }

    static final String SIZE_HINT = 'check that this is the recipe meant; a recipe is a few kilobytes of declarations'

    /** The text of rocky9.groovy padded with comment lines to {@code size} bytes. */
    static String padded(long size) {
        StringBuilder text = new StringBuilder(Files.readString(Cli.RECIPES.resolve('rocky9.groovy')))
        String line = '// ' + 'x' * 76 + '\n'
        while (text.length() + line.length() <= size) {
            text.append(line)
        }
        text.append('/' * (size - text.length()))
        text.toString()
    }

    def "a recipe larger than 1 MiB at the revision is refused naming FILE@REV, never read whole"() {
        given: 'a commit of the recipe one byte over the limit, and the recipe as it should be in the work tree'
        Files.writeString(dir.resolve('rocky9.groovy'), padded((1 << 20) + 1))
        commitRecipes('an accident')
        Files.copy(Cli.RECIPES.resolve('rocky9.groovy'), dir.resolve('rocky9.groovy'),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING)

        when:
        def result = Cli.run([dir: dir], 'diff', 'rocky9.groovy@HEAD', 'rocky9.groovy')

        then:
        result.exitCode == 1
        result.stdout == ''
        result.stderrLines == ['relengine: cannot read rocky9.groovy@HEAD: it is larger than 1 MiB, more than any recipe',
                               "  hint: $SIZE_HINT".toString()]
        result.stackTraceMarkers == []
    }

    def "an include larger than 1 MiB at the revision is refused at its include statement"() {
        given: 'the base recipe one byte over the limit at HEAD, as it should be in the work tree; the beta recipe includes it'
        Files.writeString(dir.resolve('rocky9.groovy'), padded((1 << 20) + 1))
        commitRecipes('an accident')
        Files.copy(Cli.RECIPES.resolve('rocky9.groovy'), dir.resolve('rocky9.groovy'),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING)

        when:
        def result = Cli.run([dir: dir], 'diff', 'rocky9-beta.groovy@HEAD', 'rocky9-beta.groovy')

        then:
        result.exitCode == 1
        result.stderr.contains('error: cannot read recipe `rocky9.groovy`: it is larger than 1 MiB, more than any recipe [R100]')
        result.stderr.contains("hint: $SIZE_HINT")
        result.stackTraceMarkers == []
    }

    def "a recipe of exactly 1 MiB at the revision is read"() {
        given:
        Files.writeString(dir.resolve('rocky9.groovy'), padded(1 << 20))
        commitRecipes('padded to the limit')

        when:
        def result = Cli.run([dir: dir], 'diff', 'rocky9.groovy@HEAD', 'rocky9.groovy')

        then:
        Files.size(dir.resolve('rocky9.groovy')) == 1 << 20
        result.exitCode == 0
        result.stdout.contains('Model: no change')
    }
}
