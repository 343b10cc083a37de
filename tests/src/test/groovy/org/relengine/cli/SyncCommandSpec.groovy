package org.relengine.cli

import java.nio.file.Files
import java.nio.file.Path
import org.relengine.yum.FakeRepo
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

/** `relengine sync` as a user runs it: several pairs in one process, its lines, its exit codes, its refusals. */
class SyncCommandSpec extends Specification {

    @Shared @TempDir Path dir
    @Shared @AutoCleanup FakeRepo baseos
    @Shared @AutoCleanup FakeRepo appstream

    def setupSpec() {
        baseos = new FakeRepo(dir.resolve('src/BaseOS'))
        baseos.publish(['Packages/b/bash-5.1.rpm': 'bash', 'Packages/c/coreutils-8.32.rpm': 'coreutils'])
        appstream = new FakeRepo(dir.resolve('src/AppStream'))
        appstream.publish(['Packages/f/firefox-128.rpm': 'firefox'])
    }

    Path state() {
        dir.resolve('state')
    }

    def "every pair is synced in one run, a line each, in the order given; a second run finds both unchanged"() {
        given:
        Path b = dir.resolve('mirror/BaseOS')
        Path a = dir.resolve('mirror/AppStream')

        when:
        def first = Cli.run('sync', '--state', state().toString(), baseos.url(), b.toString(), appstream.url(), a.toString())
        def second = Cli.run('sync', '--state', state().toString(), baseos.url(), b.toString(), appstream.url(), a.toString())

        then:
        first.exitCode == 0
        first.stderr == ''
        first.stdoutLines.size() == 2
        first.stdoutLines[0] ==~ /\Q$b ← ${baseos.url()}\E: 2 packages: 2 downloaded \(.*\), 0 already there, 0 deleted, in \d+\.\d s/
        first.stdoutLines[1] ==~ /\Q$a ← ${appstream.url()}\E: 1 package: 1 downloaded \(.*\), 0 already there, 0 deleted, in \d+\.\d s/
        Files.readString(b.resolve('Packages/b/bash-5.1.rpm')) == 'bash'
        Files.readString(a.resolve('Packages/f/firefox-128.rpm')) == 'firefox'

        and:
        second.exitCode == 0
        second.stdoutLines == ["$b ← ${baseos.url()}: unchanged since the last sync (same repomd.xml), 2 packages".toString(),
                               "$a ← ${appstream.url()}: unchanged since the last sync (same repomd.xml), 1 package".toString()]
    }

    def "a tree that cannot be synced is reported with its packages on standard error, the others are synced, and the exit code is 1"() {
        given:
        FakeRepo broken = new FakeRepo(dir.resolve('src/broken'))
        broken.publish(['Packages/a/a-1.rpm': 'a', 'Packages/b/b-1.rpm': 'b'])
        broken.missing << 'Packages/b/b-1.rpm'
        Path good = dir.resolve('mirror2/BaseOS')
        Path bad = dir.resolve('mirror2/broken')

        when:
        def run = Cli.run('sync', '--quiet', '--state', state().toString(), baseos.url(), good.toString(), broken.url(), bad.toString())

        then:
        run.exitCode == 1
        run.stdout == ''
        run.stderrLines[0] == "relengine: $bad ← ${broken.url()}: failed: 1 of 2 packages could not be had; the tree keeps its old metadata".toString()
        run.stderrLines[1] ==~ /  Packages\/b\/b-1\.rpm: GET \Q${broken.url()}\E\/Packages\/b\/b-1\.rpm answered 404/
        run.stderrLines[2] == 'relengine: 1 of 2 trees could not be synced'
        run.stackTraceMarkers == []
        Files.exists(good.resolve('repodata/repomd.xml'))
        Files.exists(bad.resolve('Packages/a/a-1.rpm'))
        !Files.exists(bad.resolve('repodata/repomd.xml'))

        cleanup:
        broken?.close()
    }

    def "a file:// tree is mirrored as dnf copies it: the same bytes, the source's times"() {
        given:
        Path into = dir.resolve('mirror-file/BaseOS')

        when:
        def run = Cli.run('sync', '--state', state().toString(), baseos.root.toUri().toString(), into.toString())

        then:
        run.exitCode == 0
        run.stdoutLines[0] ==~ /\Q$into ← ${baseos.root.toUri().toString().replaceAll('/$', '')}\E: 2 packages: 2 downloaded \(\d+ B\), 0 already there, 0 deleted, in \d+\.\d s/
        Files.readString(into.resolve('Packages/b/bash-5.1.rpm')) == 'bash'
        Files.getLastModifiedTime(into.resolve('Packages/b/bash-5.1.rpm')) == Files.getLastModifiedTime(baseos.root.resolve('Packages/b/bash-5.1.rpm'))
        Files.readAllBytes(into.resolve('repodata/repomd.xml')) == Files.readAllBytes(baseos.root.resolve('repodata/repomd.xml'))
    }

    def "#why is refused as a wrong command line, before anything is written"() {
        when:
        def run = Cli.run((['sync', '--state', state().toString()] + args) as String[])

        then:
        run.exitCode == 64
        run.stderrLines[0] == "relengine: $message".toString()
        run.stackTraceMarkers == []
        !Files.exists(dir.resolve('refused'))

        where:
        why                        | args                                                    | message
        'a URL without its DIR'    | ['http://127.0.0.1:1/repo']                             | 'give pairs of a repository URL and a directory (URL DIR [URL DIR]…); 1 argument was given'
        'an odd number of words'   | ['http://127.0.0.1:1/a', 'x', 'http://127.0.0.1:1/b'] | 'give pairs of a repository URL and a directory (URL DIR [URL DIR]…); 3 arguments were given'
        'an ftp:// URL'            | ['ftp://host/repo', dir.resolve('refused').toString()]  | '`ftp://host/repo` is not an http, https or file URL (for metalink and mirrorlist sources use dnf reposync)'
        'a password in a bad URL'  | ['ftp://me:s3cret@host/repo', dir.resolve('refused').toString()] | '`ftp://me:***@host/repo` is not an http, https or file URL (for metalink and mirrorlist sources use dnf reposync)'
        'no connection'            | ['--connections', '0', 'http://127.0.0.1:1/r', dir.resolve('refused').toString()] | '--connections takes 1 to 64 downloads at once from each server, not 0'
        'too many connections'     | ['--connections', '65', 'http://127.0.0.1:1/r', dir.resolve('refused').toString()] | '--connections takes 1 to 64 downloads at once from each server, not 65'
        'connections not a number' | ['--connections', 'many', 'http://127.0.0.1:1/r', dir.resolve('refused').toString()] | "Invalid value for option '--connections': 'many' is not an int"
    }

    def "--connections N downloads N packages at once from a server, started as #how"() {
        given: 'a server that answers side by side, each package after 300 ms'
        FakeRepo slow = new FakeRepo(dir.resolve("src/slow-$how"), true)
        slow.publish((1..8).collectEntries { ["Packages/p/p-${it}.rpm".toString(), "p${it}".toString()] })
        slow.delay = 300
        Path into = dir.resolve("slow-$how")

        when:
        def run = Cli.run([main: main], *(command + ['--state', state().toString(), '--connections', '3', slow.url(),
                into.toString()]))

        then:
        run.exitCode == 0
        slow.mostAtOnce.get() == 3
        Files.isRegularFile(into.resolve('Packages/p/p-8.rpm'))

        cleanup:
        slow?.close()

        where:
        how                          | main                            | command
        'the launcher starts it'     | ['org.relengine.cli.QuickSync'] | []
        'the full command line'      | ['org.relengine.cli.Main']      | ['sync']
    }
}
