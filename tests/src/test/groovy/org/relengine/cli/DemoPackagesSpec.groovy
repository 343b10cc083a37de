package org.relengine.cli

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

/**
 * `relengine demo --packages N`: N packages in every repo of the miniature distribution, built from one
 * spec per repo, served, synced and closure-checked as the single package always was. With the small
 * recipe (BaseOS and AppStream on two arches) and every step on this machine, so that it takes seconds.
 */
@Stepwise
class DemoPackagesSpec extends Specification {

    static final Path MINI9 = Cli.ROOT.resolve('tests/src/test/resources/recipes/mini9.groovy')

    @Shared Path out = Files.createTempDirectory('relengine-demo-packages')
    @Shared Cli.Result demo
    @Shared Path compose

    List<String> rpms(Path tree) {
        Files.walk(tree.resolve('Packages')).withCloseable { walk ->
            walk.filter { it.fileName.toString().endsWith('.rpm') }.collect { it.fileName.toString() }.sort()
        }
    }

    def "a demo of 5 packages per repo composes and exits 0"() {
        when:
        demo = Cli.run([env: DemoSpec.ENV, timeout: 600], 'demo', '--executor', 'local', '--packages', '5',
                '--out', out.toString(), '--recipe', MINI9.toString())
        compose = out.resolve('compose/9/latest-Mini-9')

        then:
        demo.exitCode == 0
        demo.stackTraceMarkers == []
        demo.stderr == ''
        Files.readString(compose.resolve('STATUS')) == 'FINISHED\n'

        and: '2 repos × 2 arches × (5 packages + 1 debuginfo), and a source package per repo'
        demo.stdout =~ /package server on http:\/\/127\.0\.0\.1:\d+ \(26 RPMs(, cached)?\)/
    }

    def "each os tree of BaseOS holds the 5 packages: the first and four numbered ones, for its arch"() {
        expect:
        rpms(compose.resolve("compose/BaseOS/$arch/os")) == [
                "demo-baseos-0001-1.0-1.el9.${arch}.rpm", "demo-baseos-0002-1.0-1.el9.${arch}.rpm",
                "demo-baseos-0003-1.0-1.el9.${arch}.rpm", "demo-baseos-0004-1.0-1.el9.${arch}.rpm",
                "demo-baseos-1.0-1.el9.${arch}.rpm"]*.toString()

        where:
        arch << ['x86_64', 'aarch64']
    }

    def "the debug tree of #arch holds one debuginfo package, the source tree one source package per repo"() {
        expect:
        rpms(compose.resolve("compose/$repo/$arch/debug/tree")) == ["demo-${repo.toLowerCase()}-debuginfo-1.0-1.el9.${arch}.rpm".toString()]
        rpms(compose.resolve("compose/$repo/source/tree")) == ["demo-${repo.toLowerCase()}-1.0-1.el9.src.rpm".toString()]

        where:
        [repo, arch] << [['BaseOS', 'AppStream'], ['x86_64', 'aarch64']].combinations()
    }

    def "AppStream's os tree holds its 5 packages too, and its closure against BaseOS passed"() {
        expect:
        rpms(compose.resolve('compose/AppStream/x86_64/os')).size() == 5
        Files.readAllLines(compose.resolve('work/journal')).findAll {
            it.contains('"task":"repoclosure:AppStream:x86_64"') && it.contains('"state":"done"')
        }.size() == 1
    }

    def "a second demo of 5 packages reuses the packages it built"() {
        when:
        def again = Cli.run([env: DemoSpec.ENV, timeout: 600], 'demo', '--executor', 'local', '--packages', '5',
                '--dry-run', '--out', out.resolve('again').toString(), '--recipe', MINI9.toString())

        then:
        again.exitCode == 0
        again.stdout =~ /package server on http:\/\/127\.0\.0\.1:\d+ \(26 RPMs, cached\)/
        !again.stdout.contains('building the miniature distribution')
    }

    def cleanupSpec() {
        out.toFile().deleteDir()
    }
}
