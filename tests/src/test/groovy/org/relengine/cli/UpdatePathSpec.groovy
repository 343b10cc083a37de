package org.relengine.cli

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import spock.lang.Shared
import spock.lang.Specification

/**
 * The Rocky 8 update path, end to end with the real tools: a compose whose repos carry comps and module
 * metadata (as Peridot serves them and reposync keeps them) is staged without deleting, each repo's repodata
 * rebuilt with {@code createrepo_c --update}, its comps and modules given back, and every repomd.xml signed
 * with a throwaway key. dnf then sees the groups, the module stream and every package version.
 */
class UpdatePathSpec extends Specification {

    static final String RECIPE = Cli.ROOT.resolve('tests/src/test/resources/recipes/mini8-update.groovy').toString()

    @Shared Path root = Files.createTempDirectory('relengine-update')
    @Shared Path gnupg = Files.createTempDirectory('relengine-gnupg')
    @Shared Path work = Files.createTempDirectory('relengine-update-work')
    @Shared Path staging
    @Shared Cli.Result run

    def setupSpec() {
        Files.setPosixFilePermissions(gnupg, PosixFilePermissions.fromString('rwx------'))
        def key = Cli.exec(['gpg', '--batch', '--passphrase', '', '--quick-gen-key',
                            'relengine test <relengine-test@example.org>', 'default', 'default', 'never'],
                Cli.ROOT, [GNUPGHOME: gnupg.toString()], 120)
        assert key.exitCode == 0: key.stderr

        Path compose = root.resolve('compose/8/latest-Mini-8/compose')
        staging = root.resolve('staging/mirror/pub/rocky/8.1-RC1')
        Files.createDirectories(compose)
        Files.writeString(compose.resolveSibling('STATUS'), 'FINISHED\n')
        repo(compose.resolve('BaseOS/x86_64/os'), [rpm('demo-baseos', '1.0')], group('demo-core', 'Demo Core', 'demo-baseos'))
        repo(compose.resolve('AppStream/x86_64/os'), [rpm('demo-appstream', '1.0')],
                group('demo-tools', 'Demo Tools', 'demo-appstream'))
        Path modules = work.resolve('modules.yaml')
        Files.writeString(modules, MODULES)
        // gzip, as Peridot serves module metadata
        assert Cli.exec(['modifyrepo_c', '--mdtype=modules', modules.toString(),
                         compose.resolve('AppStream/x86_64/os/repodata').toString()]).exitCode == 0
        // staging already has the previous update's package, which a non-delete update keeps
        Path old = staging.resolve('BaseOS/x86_64/os/Packages/d/' + rpm('demo-baseos', '0.9').fileName)
        Files.createDirectories(old.parent)
        Files.copy(rpm('demo-baseos', '0.9'), old)

        // under umask 000, as a careless CI job runs it: what createrepo_c and gpg write must still be 0644
        run = Cli.run([env: [GNUPGHOME: gnupg.toString()], timeout: 300, under: Cli.UMASK_000], 'run', RECIPE, '--only', 'publish',
                '--arch', 'x86_64', '--executor', 'local', '--root', root.toString())
    }

    /** A noarch package built with rpmbuild, cached in the spec's work directory. */
    Path rpm(String name, String version) {
        Path built = work.resolve("top/RPMS/noarch/$name-$version-1.el8.noarch.rpm")
        if (!Files.exists(built)) {
            Path spec = work.resolve("$name-${version}.spec")
            Files.writeString(spec, """Name: $name
Version: $version
Release: 1.el8
Summary: $name, a package of the update path spec
License: MIT
BuildArch: noarch
%description
A package of the update path spec.
%install
mkdir -p %{buildroot}/usr/share/$name
echo $version > %{buildroot}/usr/share/$name/version
%files
/usr/share/$name/version
""")
            def made = Cli.exec(['rpmbuild', '-bb', '--define', "_topdir ${work.resolve('top')}".toString(), spec.toString()],
                    work, [:], 120)
            assert made.exitCode == 0: made.stderr
        }
        built
    }

    static String group(String id, String name, String packageName) {
        """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE comps PUBLIC "-//Red Hat, Inc.//DTD Comps info//EN" "comps.dtd">
<comps>
  <group>
    <id>$id</id>
    <name>$name</name>
    <description>$name of the update path spec.</description>
    <default>false</default>
    <uservisible>true</uservisible>
    <packagelist>
      <packagereq type="mandatory">$packageName</packagereq>
    </packagelist>
  </group>
</comps>
"""
    }

    static final String MODULES = '''---
document: modulemd
version: 2
data:
  name: demo
  stream: "1.0"
  version: 8010020251111
  context: 9edba152
  arch: x86_64
  summary: Demo module of the update path spec
  description: A module stream of the update path spec.
  license:
    module:
    - MIT
  profiles:
    common:
      rpms:
      - demo-appstream
  artifacts:
    rpms:
    - demo-appstream-0:1.0-1.el8.noarch
...
'''

    /** A repo as Peridot serves it: packages and repodata with its comps file. */
    void repo(Path tree, List<Path> rpms, String comps) {
        rpms.each { Path rpm ->
            Path into = tree.resolve('Packages/d/' + rpm.fileName)
            Files.createDirectories(into.parent)
            Files.copy(rpm, into)
        }
        Path file = work.resolve(tree.parent.parent.fileName.toString() + '-comps.xml')
        Files.writeString(file, comps)
        assert Cli.exec(['createrepo_c', '--quiet', '--no-database', '--groupfile', file.toString(),
                         tree.toString()]).exitCode == 0
    }

    /** dnf, reading only the one repo tree, with a cache of its own. */
    Cli.Result dnf(String repo, String... command) {
        Cli.exec(['dnf', '-q', '--setopt=reposdir=/dev/null', '--setopt=cachedir=' + work.resolve('dnf-cache/' + repo),
                  '--releasever=8', '--repofrompath=' + repo + ',file://' + staging.resolve("$repo/x86_64/os"),
                  '--repo=' + repo] + (command as List<String>), work, [:], 120)
    }

    def "the update run stages, rebuilds and signs the repodata"() {
        expect:
        run.exitCode == 0
        run.stackTraceMarkers == []
        run.stdout.contains('createrepo:BaseOS:x86_64')
        run.stdout.contains('createrepo:AppStream:x86_64')
    }

    def "the rebuilt repodata, revision and distro of the major as sync-to-staging.sh gives them, names the comps file of each repo and the module metadata of AppStream"() {
        when:
        String baseos = Files.readString(staging.resolve('BaseOS/x86_64/os/repodata/repomd.xml'))
        String appstream = Files.readString(staging.resolve('AppStream/x86_64/os/repodata/repomd.xml'))

        then:
        baseos.contains('<revision>8</revision>')
        baseos.contains('<distro cpeid="cpe:/o:rocky:rocky:8">Mini Linux 8</distro>')
        !baseos.contains('<open-size></open-size>')
        !appstream.contains('<open-size></open-size>')
        types(baseos) == ['filelists', 'filelists_db', 'group', 'group_xz', 'other', 'other_db', 'primary', 'primary_db']
        types(appstream) == ['filelists', 'filelists_db', 'group', 'group_xz', 'modules', 'other', 'other_db', 'primary',
                             'primary_db']
        (appstream =~ /href="(repodata\/[^"]+-modules\.yaml\.xz)"/).find()
    }

    static List<String> types(String repomd) {
        (repomd =~ /<data type="([a-z_]+)">/).collect { it[1] as String }.sort()
    }

    def "dnf sees each repo's group, AppStream's module stream, and the previous update's package next to the new one"() {
        when:
        def groups = dnf('BaseOS', 'group', 'list')
        def appGroups = dnf('AppStream', 'group', 'list')
        def modules = dnf('AppStream', 'module', 'list')
        def versions = dnf('BaseOS', 'repoquery', '--qf', '%{name}-%{version}')

        then:
        groups.exitCode == 0
        groups.stdout.readLines()*.trim().contains('Demo Core')
        appGroups.stdout.readLines()*.trim().contains('Demo Tools')
        modules.exitCode == 0
        modules.stdout.readLines().any { it ==~ /demo\s+1\.0\s+common\s+Demo module of the update path spec\s*/ }
        versions.stdout.readLines().sort() == ['demo-baseos-0.9', 'demo-baseos-1.0']
    }

    def "every rebuilt repomd.xml has a detached signature that gpg verifies"() {
        when:
        def verified = ['BaseOS', 'AppStream'].collect { repo ->
            Path repomd = staging.resolve("$repo/x86_64/os/repodata/repomd.xml")
            Cli.exec(['gpg', '--verify', repomd.toString() + '.asc', repomd.toString()], Cli.ROOT,
                    [GNUPGHOME: gnupg.toString()])
        }

        then:
        verified*.exitCode == [0, 0]
        verified.every { it.stderr.contains('Good signature from "relengine test <relengine-test@example.org>"') }
    }

    def "run under umask 000, the repodata createrepo_c rebuilt in staging and gpg's signatures are 0644, their directories 0755"() {
        when:
        Map<String, String> modes = new TreeMap<>()
        ['BaseOS', 'AppStream'].each { repo ->
            Path repodata = staging.resolve("$repo/x86_64/os/repodata")
            Files.walk(repodata).withCloseable { stream ->
                stream.forEach { Path p -> modes[staging.relativize(p).toString()] = PosixFilePermissions.toString(Files.getPosixFilePermissions(p)) }
            }
        }

        then:
        modes['BaseOS/x86_64/os/repodata'] == 'rwxr-xr-x'
        modes['AppStream/x86_64/os/repodata/repomd.xml.asc'] == 'rw-r--r--'
        modes.findAll { path, mode -> mode != (path.endsWith('/repodata') ? 'rwxr-xr-x' : 'rw-r--r--') } == [:]
        modes.keySet().count { it.endsWith('-modules.yaml.xz') } == 1
    }

    def "the comps and module metadata were taken from the compose's own repodata into its work directory"() {
        when:
        Path composeWork = root.resolve('compose/8/latest-Mini-8/work')

        then:
        Files.readString(composeWork.resolve('x86_64/comps/comps-BaseOS.x86_64.xml')).contains('<id>demo-core</id>')
        Files.readString(composeWork.resolve('x86_64/comps/comps-AppStream.x86_64.xml')).contains('<id>demo-tools</id>')
        Files.readString(composeWork.resolve('x86_64/modules/AppStream-modules.yaml')) == MODULES
    }

    def "a repo declared with module metadata that its compose repodata does not have fails its task with one line"() {
        given: 'BaseOS declared with modules, which its compose repodata does not name'
        Path recipe = Cli.writeRecipe(work, 'modular-baseos.groovy', """include '$RECIPE'
repos {
    repo 'BaseOS', modules: true
}
""")

        when:
        def failed = Cli.run([env: [GNUPGHOME: gnupg.toString()], timeout: 300], 'run', recipe.toString(), '--only',
                'publish', '--arch', 'x86_64', '--executor', 'local', '--root', root.toString())

        then: 'the task fails with the reason; signing, which must come after every repodata change, is skipped'
        failed.exitCode == 3
        failed.stackTraceMarkers == []
String reason = root.resolve('compose/8/latest-Mini-8/compose/BaseOS/x86_64/os/repodata/repomd.xml').toString() +
                ' names no module metadata, which the recipe says the repo has; sync it from a source that serves one, ' +
                'or declare the repo with modules: false'
        // the two createrepo tasks run side by side: their progress lines come in either order
        failed.stdoutLines.findAll { it.contains('createrepo:BaseOS:x86_64') }*.replaceFirst(/^\[\d\/4\]/, '[n/4]') == [
                '[n/4] FAILED  createrepo:BaseOS:x86_64: ' + reason, 'FAILED createrepo:BaseOS:x86_64: ' + reason]
        failed.stdoutLines.any { it ==~ /\[\d\/4\] skipped sign \(a required dependency failed\)/ }
    }
}
