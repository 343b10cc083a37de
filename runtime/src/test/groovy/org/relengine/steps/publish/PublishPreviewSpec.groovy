package org.relengine.steps.publish

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.FileTime
import java.security.MessageDigest
import java.time.Instant
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The publish preview: what a sync would change, as rsync's own read-only dry run itemizes it, counted per
 * top-level directory of the target. Real rsync on real trees; the target is never touched.
 */
class PublishPreviewSpec extends Specification {

    static final FileTime THEN = FileTime.from(Instant.parse('2025-11-11T15:42:33Z'))

    @TempDir
    Path dir

    Path source
    Path target

    def setup() {
        source = dir.resolve('compose')
        target = dir.resolve('staging')
        // in both, identical: unchanged, so not listed
        file(source, 'BaseOS/x86_64/os/Packages/b/bash.rpm', 'bash')
        file(target, 'BaseOS/x86_64/os/Packages/b/bash.rpm', 'bash')
        // new in the compose
        file(source, 'BaseOS/x86_64/os/Packages/c/coreutils.rpm', 'coreutils')
        file(source, 'AppStream/x86_64/os/Packages/f/firefox.rpm', 'firefox')
        file(source, 'AppStream/x86_64/os/Packages/g/gimp.rpm', 'gimp')
        file(source, 'COMPOSE_ID', 'Mini-9.1-20251111.154233')
        // changed: other content, of another size (rsync's quick check compares size and time)
        file(source, 'BaseOS/x86_64/os/repodata/repomd.xml', '<repomd revision="12"/>')
        file(target, 'BaseOS/x86_64/os/repodata/repomd.xml', '<repomd revision="1"/>')
        // only in the target: deleted by a delete-sync, unless excluded or protected
        file(target, 'BaseOS/x86_64/os/Packages/o/old.rpm', 'old')
        file(target, 'devel/x86_64/os/Packages/d/devel.rpm', 'devel')
        file(target, 'extras/x86_64/os/Packages/e/extra.rpm', 'extra')
        file(target, 'extras/x86_64/os/Packages/e/extra2.rpm', 'extra2')
    }

    static void file(Path root, String path, String content) {
        Path file = root.resolve(path)
        Files.createDirectories(file.parent)
        Files.writeString(file, content + '\n')
        Files.setLastModifiedTime(file, THEN)
    }

    /** Every path under a tree with its size, content digest and modification time. */
    static Map<String, String> state(Path root) {
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

    def "a delete-sync: every new, changed and deleted file, counted by top-level directory; the target unchanged"() {
        given:
        def before = state(target)

        when:
        def preview = PublishPreview.of('stage', new Rsync.Sync(source.toString(), target.toString(), '10004:10005',
                true, [], ['devel'], false))

        then:
        preview.sourceExists()
        preview.entries() == [
                entry('AppStream/x86_64/os/Packages/f/firefox.rpm', 'NEW'),
                entry('AppStream/x86_64/os/Packages/g/gimp.rpm', 'NEW'),
                entry('BaseOS/x86_64/os/Packages/c/coreutils.rpm', 'NEW'),
                entry('BaseOS/x86_64/os/Packages/o/old.rpm', 'DELETED'),
                entry('BaseOS/x86_64/os/repodata/repomd.xml', 'CHANGED'),
                entry('COMPOSE_ID', 'NEW'),
                entry('extras/x86_64/os/Packages/e/extra.rpm', 'DELETED'),
                entry('extras/x86_64/os/Packages/e/extra2.rpm', 'DELETED'),
        ]
        preview.counts() == [
                '.'        : new PublishPreview.Counts(1, 0, 0),
                'AppStream': new PublishPreview.Counts(2, 0, 0),
                'BaseOS'   : new PublishPreview.Counts(1, 1, 1),
                'extras'   : new PublishPreview.Counts(0, 0, 2),
        ]
        preview.total() == new PublishPreview.Counts(4, 1, 3)
        preview.deletions() == 3
        preview.summary() == [
                "preview of $target: 4 new, 1 changed, 3 deleted".toString(),
                '  .          new 1  changed 0  deleted 0',
                '  AppStream  new 2  changed 0  deleted 0',
                '  BaseOS     new 1  changed 1  deleted 1',
                '  extras     new 0  changed 0  deleted 2',
        ]
        state(target) == before
    }

    def "a file of a compose made under umask 000 is not changed for the preview when only its mode differs: the sync publishes it 0644"() {
        given:
        Path same = source.resolve('BaseOS/x86_64/os/Packages/b/bash.rpm')
        Files.setPosixFilePermissions(same, java.nio.file.attribute.PosixFilePermissions.fromString('rw-rw-rw-'))
        Files.setPosixFilePermissions(same.parent, java.nio.file.attribute.PosixFilePermissions.fromString('rwxrwxrwx'))
        Files.setPosixFilePermissions(target.resolve('BaseOS/x86_64/os/Packages/b/bash.rpm'),
                java.nio.file.attribute.PosixFilePermissions.fromString('rw-r--r--'))

        when:
        def preview = PublishPreview.of('stage', new Rsync.Sync(source.toString(), target.toString(), null, false, [],
                [], false))

        then:
        !preview.entries()*.path().contains('BaseOS/x86_64/os/Packages/b/bash.rpm')
        preview.total() == new PublishPreview.Counts(4, 1, 0)
    }

    def "without delete, nothing is deleted; excluded paths are neither copied nor deleted"() {
        when:
        def keep = PublishPreview.of('stage', new Rsync.Sync(source.toString(), target.toString(), null, false, [],
                [], false))
        def excluded = PublishPreview.of('stage', new Rsync.Sync(source.toString(), target.toString(), null, true,
                ['AppStream', 'extras', 'devel'], [], false))

        then:
        keep.total() == new PublishPreview.Counts(4, 1, 0)
        excluded.counts() == [
                '.'     : new PublishPreview.Counts(1, 0, 0),
                'BaseOS': new PublishPreview.Counts(1, 1, 1),
        ]
    }

    def "a target that does not exist yet: every file is new, and the target is still not there"() {
        when:
        def preview = PublishPreview.of('stage', new Rsync.Sync(source.toString(), dir.resolve('new/9.1').toString(),
                null, true, [], [], false))

        then:
        preview.total() == new PublishPreview.Counts(6, 0, 0)
        preview.summary()[0] == "preview of ${dir.resolve('new/9.1')} (not there yet): 6 new, 0 changed, 0 deleted".toString()
        !Files.exists(dir.resolve('new'))
    }

    def "a source that does not exist yet is said plainly, and rsync is not run"() {
        when:
        def preview = PublishPreview.of('stage', new Rsync.Sync(dir.resolve('none').toString(), target.toString(),
                null, true, [], [], false))

        then:
        !preview.sourceExists()
        preview.entries() == []
        preview.summary() == ["preview of $target: nothing to compare, ${dir.resolve('none')} does not exist yet".toString()]
    }

    def "a promote keeps old repodata for its grace period, but a repomd.xml staging no longer has is deleted"() {
        given: 'production has repodata the new repomd.xml no longer names, and a repo staging dropped'
        file(target, 'BaseOS/x86_64/os/repodata/aaa-primary.xml.gz', 'old primary')
        file(target, 'RT/x86_64/os/repodata/repomd.xml', '<repomd/>')
        file(target, 'RT/x86_64/os/repodata/bbb-primary.xml.gz', 'rt primary')

        when:
        def preview = PublishPreview.of('promote', new Rsync.Sync(source.toString(), target.toString(), null, true,
                [], [], true))

        then:
        preview.entries().findAll { it.change() == PublishPreview.Change.DELETED }*.path().sort(false) == [
                'BaseOS/x86_64/os/Packages/o/old.rpm', 'RT/x86_64/os/repodata/repomd.xml',
                'devel/x86_64/os/Packages/d/devel.rpm', 'extras/x86_64/os/Packages/e/extra.rpm',
                'extras/x86_64/os/Packages/e/extra2.rpm']
    }

    def "rsync's itemized lines: directories are not counted, links and hard links are"() {
        expect:
        PublishPreview.parse(output) == expected

        where:
        output                                        || expected
        'cd+++++++++ BaseOS/\n'                       || []
        '*deleting   gone/\n'                         || []
        'cL+++++++++ isos/latest.iso\n'               || [new PublishPreview.Entry('isos/latest.iso', PublishPreview.Change.NEW, 'isos')]
        'hf+++++++++ BaseOS/ks/a.rpm\n'               || [new PublishPreview.Entry('BaseOS/ks/a.rpm', PublishPreview.Change.NEW, 'BaseOS')]
        '.f...p..... EULA\n'                          || [new PublishPreview.Entry('EULA', PublishPreview.Change.CHANGED, '.')]
        'created directory /x\n'                      || []
        '*deleting   a b.rpm\n'                       || [new PublishPreview.Entry('a b.rpm', PublishPreview.Change.DELETED, '.')]
    }

    static PublishPreview.Entry entry(String path, String change) {
        int slash = path.indexOf('/')
        new PublishPreview.Entry(path, PublishPreview.Change.valueOf(change), slash < 0 ? '.' : path.substring(0, slash))
    }
}
