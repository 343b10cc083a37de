package org.relengine.cli

import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.FileTime
import java.security.MessageDigest
import java.time.Instant
import spock.lang.Specification
import spock.lang.TempDir

/**
 * {@code run --dry-run} of the publish steps previews what each sync would change, with real rsync's read-only
 * dry run against the real trees: counts per top-level directory on the terminal, every file with
 * {@code --preview-json}; the trees stay byte for byte as they were.
 */
class DryRunPreviewSpec extends Specification {

    static final String MINI = Cli.ROOT.resolve('tests/src/test/resources/recipes/mini9.groovy').toString()
    /** How the plan names the recipe: relative to the working directory, the repository. */
    static final String RELATIVE = 'tests/src/test/resources/recipes/mini9.groovy'
    static final FileTime THEN = FileTime.from(Instant.parse('2025-11-11T15:42:33Z'))

    @TempDir
    Path root

    Path compose
    Path staging
    Path production

    def setup() {
        compose = root.resolve('compose/9/latest-Mini-9/compose')
        staging = root.resolve('staging/mirror/pub/rocky/9.1-RC1')
        production = root.resolve('production/mirror/pub/rocky/9.1')
    }

    static void file(Path root, String path, String content) {
        Path file = root.resolve(path)
        Files.createDirectories(file.parent)
        Files.writeString(file, content + '\n')
        Files.setLastModifiedTime(file, THEN)
    }

    /** Every path under the root with its size, content digest and times: what must not change. */
    Map<String, String> everything() {
        Map<String, String> state = new TreeMap<>()
        Files.walk(root).withCloseable { stream ->
            stream.forEach { Path p ->
                state[root.relativize(p).toString()] = Files.isDirectory(p) ? 'dir ' + Files.getLastModifiedTime(p)
                        : Files.size(p) + ' ' + MessageDigest.getInstance('SHA-256').digest(Files.readAllBytes(p))
                        .encodeHex() + ' ' + Files.getLastModifiedTime(p)
            }
        }
        state
    }

    def "a compose against its staging tree and a production tree that is not there yet: exact counts, exact JSON, nothing changed"() {
        given: 'a compose of BaseOS and AppStream; staging holds an older BaseOS and a repo the compose dropped'
        file(compose, 'BaseOS/x86_64/os/Packages/b/bash.rpm', 'bash')
        file(compose, 'BaseOS/x86_64/os/repodata/repomd.xml', '<repomd revision="12"/>')
        file(compose, 'AppStream/x86_64/os/Packages/f/firefox.rpm', 'firefox')
        file(compose, 'AppStream/x86_64/os/repodata/repomd.xml', '<repomd/>')
        file(compose, 'metadata/COMPOSE_ID', 'Mini-9.1-20251111.154233')
        file(staging, 'BaseOS/x86_64/os/Packages/b/bash.rpm', 'bash')
        file(staging, 'BaseOS/x86_64/os/repodata/repomd.xml', '<repomd revision="1"/>')
        file(staging, 'RT/x86_64/os/Packages/r/rt.rpm', 'rt')
        file(staging, 'RT/x86_64/os/repodata/repomd.xml', '<repomd/>')
        def before = everything()
        Path json = Files.createTempFile('preview', '.json')

        when:
        def run = Cli.run('run', MINI, '--only', 'publish', '--dry-run', '--root', root.toString(),
                '--preview-json', json.toString())
        List<String> lines = run.stdoutLines

        then:
        run.exitCode == 0
        run.stderr == ''
        lines.subList(lines.indexOf('[1/3] stage') + 1, lines.indexOf('[1/3] stage') + 5) == [
                "    ? preview what syncing $compose into $staging would change, as the trees are now (rsync --dry-run --itemize-changes, read-only)",
                "      preview of $staging: 3 new, 1 changed, 2 deleted",
                '        AppStream  new 2  changed 0  deleted 0',
                '        BaseOS     new 0  changed 1  deleted 0',
        ]*.toString()
        lines.subList(lines.indexOf('[1/3] stage') + 5, lines.indexOf('[1/3] stage') + 7) == [
                '        RT         new 0  changed 0  deleted 2',
                '        metadata   new 1  changed 0  deleted 0',
        ]
        lines.subList(lines.indexOf('[2/3] promote') + 2, lines.indexOf('[2/3] promote') + 5) == [
                "      preview of $production (not there yet): 4 new, 0 changed, 0 deleted",
                '        BaseOS  new 2  changed 0  deleted 0',
                '        RT      new 2  changed 0  deleted 0',
        ]*.toString()
        lines[-2].endsWith(' internal steps would be run or made; 2 read-only previews were made. Nothing was changed.')
        lines[-1] == "Preview of 2 publish syncs written to $json".toString()

        and: 'the JSON names every file'
        new JsonSlurper().parse(json.toFile(), 'UTF-8') == [
                schema  : 'relengine.preview/1',
                previews: [
                        [recipe : RELATIVE, task: 'stage', source: compose.toString(), target: staging.toString(),
                         sourceExists: true,
                         entries: [[path: 'AppStream/x86_64/os/Packages/f/firefox.rpm', change: 'new', dir: 'AppStream'],
                                   [path: 'AppStream/x86_64/os/repodata/repomd.xml', change: 'new', dir: 'AppStream'],
                                   [path: 'BaseOS/x86_64/os/repodata/repomd.xml', change: 'changed', dir: 'BaseOS'],
                                   [path: 'RT/x86_64/os/Packages/r/rt.rpm', change: 'deleted', dir: 'RT'],
                                   [path: 'RT/x86_64/os/repodata/repomd.xml', change: 'deleted', dir: 'RT'],
                                   [path: 'metadata/COMPOSE_ID', change: 'new', dir: 'metadata']],
                         counts : [AppStream: [new: 2, changed: 0, deleted: 0], BaseOS: [new: 0, changed: 1, deleted: 0],
                                   RT       : [new: 0, changed: 0, deleted: 2], metadata: [new: 1, changed: 0, deleted: 0]],
                         total  : [new: 3, changed: 1, deleted: 2]],
                        [recipe : RELATIVE, task: 'promote', source: staging.toString(), target: production.toString(),
                         sourceExists: true,
                         entries: [[path: 'BaseOS/x86_64/os/Packages/b/bash.rpm', change: 'new', dir: 'BaseOS'],
                                   [path: 'BaseOS/x86_64/os/repodata/repomd.xml', change: 'new', dir: 'BaseOS'],
                                   [path: 'RT/x86_64/os/Packages/r/rt.rpm', change: 'new', dir: 'RT'],
                                   [path: 'RT/x86_64/os/repodata/repomd.xml', change: 'new', dir: 'RT']],
                         counts : [BaseOS: [new: 2, changed: 0, deleted: 0], RT: [new: 2, changed: 0, deleted: 0]],
                         total  : [new: 4, changed: 0, deleted: 0]]]]

        and: 'the compose and staging trees are byte for byte as they were, and production is still not there'
        everything() == before
        !Files.exists(root.resolve('production'))
    }

    def "a dry run before the compose exists says so plainly, and makes nothing"() {
        when:
        def run = Cli.run('run', MINI, '--only', 'publish', '--dry-run', '--root', root.toString())

        then:
        run.exitCode == 0
        run.stdoutLines.contains("      preview of $staging: nothing to compare, $compose does not exist yet".toString())
        run.stdoutLines.contains("      preview of $production: nothing to compare, $staging does not exist yet".toString())
        Files.list(root).count() == 0
    }

    def "--preview-json without --dry-run is refused before anything runs"() {
        when:
        def run = Cli.run('run', MINI, '--only', 'publish', '--root', root.toString(), '--preview-json',
                root.resolve('p.json').toString())

        then:
        run.exitCode == 64
        run.stderr == 'relengine: --preview-json goes with --dry-run: a real run logs its previews in the stage and ' +
                'promote logs\n'
        Files.list(root).count() == 0
    }
}
