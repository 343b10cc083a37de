package org.relengine.cli

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import java.util.zip.GZIPInputStream
import com.sun.net.httpserver.HttpServer
import spock.lang.Shared
import spock.lang.Specification

/**
 * The Rocky 8 update path, end to end with the real tools, as sync-to-staging.sh, apollo_tree and the signing run
 * it: a compose whose repos carry comps and module metadata (as Peridot serves them and reposync keeps them),
 * with debug and source trees, is staged without deleting after the old repodata is removed; every tree's
 * repodata is rebuilt with {@code createrepo_c --update}, comps and modules given back (BaseOS's comps file and
 * AppStream's module metadata from where Pungi and rocky-module-metadata leave them), staging hardlinked, errata
 * from an errata service on loopback injected, and every repomd.xml signed with a throwaway key. dnf then sees
 * the groups, the module stream, the advisories and every package version.
 */
class UpdatePathSpec extends Specification {

    static final String RECIPE = Cli.ROOT.resolve('tests/src/test/resources/recipes/mini8-update.groovy').toString()

    @Shared Path root = Files.createTempDirectory('relengine-update')
    @Shared Path gnupg = ThrowawayKey.home('relengine-gnupg')
    @Shared Path work = Files.createTempDirectory('relengine-update-work')
    @Shared Path staging
    @Shared Path compose
    @Shared Cli.Result run
    @Shared HttpServer apollo
    @Shared List<String> asked = Collections.synchronizedList([])

    /** The trees of the run: each repo's os and debug tree on x86_64, and its source tree. */
    static final List<String> TREES = ['BaseOS', 'AppStream'].collectMany { repo ->
        ["$repo/x86_64/os", "$repo/x86_64/debug/tree", "$repo/source/tree"]*.toString()
    }

    def setupSpec() {
        compose = root.resolve('compose/8/latest-Mini-8/compose')
        staging = root.resolve('staging/mirror/pub/rocky/8.1-RC1')
        Files.createDirectories(compose)
        Files.writeString(compose.resolveSibling('STATUS'), 'FINISHED\n')
        repo(work, compose.resolve('BaseOS/x86_64/os'), [rpm('demo-baseos', '1.0')], group('demo-core', 'Demo Core', 'demo-baseos'))
        repo(work, compose.resolve('AppStream/x86_64/os'), [rpm('demo-appstream', '1.0')],
                group('demo-tools', 'Demo Tools', 'demo-appstream'))
        ['BaseOS', 'AppStream'].each { String name ->
            repo(work, compose.resolve("$name/x86_64/debug/tree"), [rpm("demo-${name.toLowerCase()}-debuginfo", '1.0')], null)
            repo(work, compose.resolve("$name/source/tree"), [], null)
        }
        Path modules = work.resolve('modules.yaml')
        Files.writeString(modules, MODULES)
        // gzip, as Peridot serves module metadata
        assert Cli.exec(['modifyrepo_c', '--mdtype=modules', modules.toString(),
                         compose.resolve('AppStream/x86_64/os/repodata').toString()]).exitCode == 0
        // as Pungi leaves BaseOS's comps file in the compose's work tree, and as rocky-module-metadata's checkout
        // holds AppStream's modules: these win over what the compose's repodata names
        Path pungiComps = compose.resolveSibling('work/x86_64/comps/comps-BaseOS.x86_64.xml')
        Files.createDirectories(pungiComps.parent)
        Files.writeString(pungiComps, group('demo-core-pungi', 'Demo Core from Pungi', 'demo-baseos'))
        Path moduleMetadata = root.resolve('compose/8_metadata/x86_64/AppStream-modules.yaml')
        Files.createDirectories(moduleMetadata.parent)
        Files.writeString(moduleMetadata, MODULES.replace('stream: "1.0"', 'stream: "1.1"'))
        // staging already has the previous update's package, which a non-delete update keeps, and its repodata,
        // which goes before the rsync
        Path old = staging.resolve('BaseOS/x86_64/os/Packages/d/' + rpm('demo-baseos', '0.9').fileName)
        Files.createDirectories(old.parent)
        Files.copy(rpm('demo-baseos', '0.9'), old)
        Files.writeString(Files.createDirectories(staging.resolve('BaseOS/x86_64/os/repodata')).resolve('0ld-primary.xml.gz'),
                'the previous update\'s')

        apollo = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 16)
        apollo.createContext('/api/v3/updateinfo/') { exchange ->
            asked << exchange.requestURI.toString()
            def path = exchange.requestURI.path =~ '^/api/v3/updateinfo/rocky-linux/8/([^/]+)/updateinfo.xml$'
            byte[] body = path.matches() ? updateinfo(path.group(1)).getBytes('UTF-8') : new byte[0]
            exchange.sendResponseHeaders(body.length > 0 ? 200 : 404, body.length > 0 ? body.length : -1)
            exchange.responseBody.withCloseable { it.write(body) }
        }
        apollo.start()
        Path recipe = Cli.writeRecipe(work, 'update.groovy', """include '$RECIPE'
arches 'x86_64'
publish {
    updateinfo url: 'http://127.0.0.1:${apollo.address.port}/api/v3/updateinfo', repos: ['BaseOS', 'AppStream']
}
""")

        // under umask 000, as a careless CI job runs it: what createrepo_c and gpg write must still be 0644
        run = Cli.run([env: [GNUPGHOME: gnupg.toString()], timeout: 300, under: Cli.UMASK_000], 'run', recipe.toString(),
                '--only', 'publish', '--executor', 'local', '--root', root.toString())
    }

    def cleanupSpec() {
        apollo?.stop(0)
    }

    /** One advisory for the repo's package, as Apollo serves it. */
    static String updateinfo(String repo) {
        String name = "demo-${repo.toLowerCase()}"
        """<?xml version="1.0" encoding="UTF-8"?>
<updates>
  <update from="releng@rockylinux.org" status="final" type="bugfix" version="2">
    <id>RLBA-2025:${repo == 'BaseOS' ? '0001' : '0002'}</id>
    <title>$name bug fix update</title>
    <issued date="2025-11-11 00:00:00"/>
    <updated date="2025-11-11 00:00:00"/>
    <rights>Copyright 2025 the update path spec</rights>
    <release>Mini Linux 8</release>
    <pushcount>1</pushcount>
    <severity>None</severity>
    <summary>$name bug fix update</summary>
    <description>An advisory of the update path spec.</description>
    <solution/>
    <references/>
    <pkglist>
      <collection short="$repo">
        <name>$repo</name>
        <package name="$name" version="1.0" release="1.el8" epoch="0" arch="noarch" src="$name-1.0-1.el8.src.rpm">
          <filename>$name-1.0-1.el8.noarch.rpm</filename>
        </package>
      </collection>
    </pkglist>
  </update>
</updates>
"""
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

    /**
     * A repo tree as Peridot serves it and Pungi writes it: its packages under {@code Packages/<first letter>/} and its
     * repodata, with its comps file if it has one (written in {@code work}).
     */
    static void repo(Path work, Path tree, List<Path> rpms, String comps) {
        rpms.each { Path rpm ->
            Path into = tree.resolve("Packages/${rpm.fileName.toString()[0]}/" + rpm.fileName)
            Files.createDirectories(into.parent)
            Files.copy(rpm, into)
        }
        Files.createDirectories(tree)
        List<String> groupfile = []
        if (comps != null) {
            Path file = work.resolve(tree.toString().md5() + '-comps.xml')
            Files.writeString(file, comps)
            groupfile = ['--groupfile', file.toString()]
        }
        assert Cli.exec(['createrepo_c', '--quiet', '--no-database'] + groupfile + [tree.toString()]).exitCode == 0
    }

    /** dnf, reading only the one repo tree, with a cache of its own. */
    Cli.Result dnf(String repo, String... command) {
        Cli.exec(['dnf', '-q', '--setopt=reposdir=/dev/null', '--setopt=cachedir=' + work.resolve('dnf-cache/' + repo),
                  '--releasever=8', '--repofrompath=' + repo + ',file://' + staging.resolve("$repo/x86_64/os"),
                  '--repo=' + repo] + (command as List<String>), work, [:], 120)
    }

    def "the update run stages, rebuilds every tree's repodata, hardlinks, adds errata and signs"() {
        expect:
        run.exitCode == 0
        run.stackTraceMarkers == []
        ['createrepo:BaseOS:x86_64', 'createrepo:BaseOS:x86_64:debug', 'createrepo:BaseOS:source',
         'createrepo:AppStream:x86_64', 'createrepo:AppStream:x86_64:debug', 'createrepo:AppStream:source', 'hardlink',
         'updateinfo:BaseOS:x86_64', 'updateinfo:AppStream:x86_64', 'sign'].every { id ->
            run.stdoutLines.any { it ==~ /\[\d+\/11\] done\s+${java.util.regex.Pattern.quote(id)}\b.*/ }
        }
    }

    def "the staged tree's old repodata went before the rsync"() {
        expect:
        !Files.exists(staging.resolve('BaseOS/x86_64/os/repodata/0ld-primary.xml.gz'))
    }

    /** The command lines a task's log shows, `$ ` and all. */
    List<String> commands(String task) {
        Path log = compose.resolveSibling("work/logs/${task.replace(':', '_')}.log")
        assert Files.exists(log): "no log $log; the logs are ${Files.list(log.parent).withCloseable { it.toList()*.fileName }}"
        Files.readAllLines(log).findAll { it.startsWith('$ ') }
    }

    def "createrepo_c and modifyrepo_c ran with sync-to-staging.sh's arguments: createrepo_comps on comps repos, createrepo_update on the rest"() {
        given:
        String s = staging.toString()
        String w = compose.resolveSibling('work').toString()
        String distro = "'--distro=cpe:/o:rocky:rocky:8,Mini Linux 8'"

        expect:
        commands('createrepo:BaseOS:x86_64') == [
                "\$ createrepo_c --update $s/BaseOS/x86_64/os --groupfile=$w/x86_64/comps/comps-BaseOS.x86_64.xml --xz --revision=8 $distro --workers 12 --checksum=sha256"]*.toString()
        commands('createrepo:AppStream:x86_64') == [
                "\$ createrepo_c --update $s/AppStream/x86_64/os --groupfile=$w/x86_64/comps/comps-AppStream.x86_64.xml --xz --revision=8 $distro --workers 12 --checksum=sha256",
                "\$ modifyrepo_c --mdtype=modules $w/x86_64/modules/AppStream/modules.yaml $s/AppStream/x86_64/os/repodata --compress --compress-type=xz"]*.toString()
        commands('createrepo:BaseOS:x86_64:debug') == ["\$ createrepo_c --update $s/BaseOS/x86_64/debug/tree $distro --workers 12".toString()]
        commands('createrepo:AppStream:source') == ["\$ createrepo_c --update $s/AppStream/source/tree $distro --workers 12".toString()]
        commands('hardlink') == ["\$ hardlink -x '.*\\.xml.*' -x '.*\\.treeinfo' -x '.*\\.discinfo' $s".toString()]
        commands('updateinfo:BaseOS:x86_64') == [
                "\$ modifyrepo_c --mdtype=updateinfo $w/x86_64/updateinfo/BaseOS/updateinfo.xml $s/BaseOS/x86_64/os/repodata --compress --compress-type=gz".toString()]
    }

    def "the rebuilt repodata, revision and distro of the major as sync-to-staging.sh gives them, names the comps file of each repo, the module metadata of AppStream and the errata of both"() {
        when:
        String baseos = Files.readString(staging.resolve('BaseOS/x86_64/os/repodata/repomd.xml'))
        String appstream = Files.readString(staging.resolve('AppStream/x86_64/os/repodata/repomd.xml'))

        then:
        baseos.contains('<revision>8</revision>')
        baseos.contains('<distro cpeid="cpe:/o:rocky:rocky:8">Mini Linux 8</distro>')
        TREES.every { !Files.readString(staging.resolve("$it/repodata/repomd.xml")).contains('<open-size></open-size>') }
        types(baseos) == ['filelists', 'filelists_db', 'group', 'group_xz', 'other', 'other_db', 'primary', 'primary_db',
                          'updateinfo']
        types(appstream) == ['filelists', 'filelists_db', 'group', 'group_xz', 'modules', 'other', 'other_db', 'primary',
                             'primary_db', 'updateinfo']
        (appstream =~ /href="(repodata\/[0-9a-f]{64}-modules\.yaml\.xz)"/).find()
        types(Files.readString(staging.resolve('BaseOS/x86_64/debug/tree/repodata/repomd.xml'))) ==
                ['filelists', 'filelists_db', 'other', 'other_db', 'primary', 'primary_db']
    }

    def "the errata are what the errata service served for the repo and arch, named as apollo_tree names them"() {
        when:
        String repomd = Files.readString(staging.resolve('BaseOS/x86_64/os/repodata/repomd.xml'))
        def href = repomd =~ /href="repodata\/([0-9a-f]{64}-updateinfo\.xml\.gz)"/

        then:
        href.find()
        new GZIPInputStream(Files.newInputStream(staging.resolve('BaseOS/x86_64/os/repodata/' + href.group(1))))
                .withCloseable { new String(it.readAllBytes(), 'UTF-8') } == updateinfo('BaseOS')
        asked.sort() == ['/api/v3/updateinfo/rocky-linux/8/AppStream/updateinfo.xml?arch=x86_64',
                         '/api/v3/updateinfo/rocky-linux/8/BaseOS/updateinfo.xml?arch=x86_64']
    }

    static List<String> types(String repomd) {
        (repomd =~ /<data type="([a-z_]+)">/).collect { it[1] as String }.sort()
    }

    def "dnf sees each repo's group (BaseOS's from Pungi's comps file), AppStream's module stream from rocky-module-metadata, the advisory's package, and the previous update's package next to the new one"() {
        when:
        def groups = dnf('BaseOS', 'group', 'list')
        def appGroups = dnf('AppStream', 'group', 'list')
        def modules = dnf('AppStream', 'module', 'list')
        def versions = dnf('BaseOS', 'repoquery', '--qf', '%{name}-%{version}')
        def advised = dnf('BaseOS', 'repoquery', '--advisory=RLBA-2025:0001', '--qf', '%{name}-%{version}')

        then:
        groups.exitCode == 0
        groups.stdout.readLines()*.trim().contains('Demo Core from Pungi')
        appGroups.stdout.readLines()*.trim().contains('Demo Tools')
        modules.exitCode == 0
        modules.stdout.readLines().any { it ==~ /demo\s+1\.1\s+common\s+Demo module of the update path spec\s*/ }
        versions.stdout.readLines().sort() == ['demo-baseos-0.9', 'demo-baseos-1.0']
        advised.exitCode == 0
        advised.stdout.readLines() == ['demo-baseos-1.0']
    }

    def "every rebuilt repomd.xml, os, debug and source, has a detached signature that gpg verifies"() {
        when:
        def verified = TREES.collect { tree ->
            Path repomd = staging.resolve("$tree/repodata/repomd.xml")
            Cli.exec(['gpg', '--verify', repomd.toString() + '.asc', repomd.toString()], Cli.ROOT,
                    [GNUPGHOME: gnupg.toString()])
        }

        then:
        verified*.exitCode == [0] * 6
        verified.every { it.stderr.contains('Good signature from "relengine test <relengine-test@example.org>"') }
    }

    def "run under umask 000, the repodata createrepo_c and modifyrepo_c rebuilt in staging and gpg's signatures are 0644, their directories 0755"() {
        when:
        Map<String, String> modes = new TreeMap<>()
        TREES.each { tree ->
            Path repodata = staging.resolve("$tree/repodata")
            Files.walk(repodata).withCloseable { stream ->
                stream.forEach { Path p -> modes[staging.relativize(p).toString()] = PosixFilePermissions.toString(Files.getPosixFilePermissions(p)) }
            }
        }

        then:
        modes['BaseOS/x86_64/os/repodata'] == 'rwxr-xr-x'
        modes['AppStream/x86_64/os/repodata/repomd.xml.asc'] == 'rw-r--r--'
        modes['AppStream/source/tree/repodata/repomd.xml.asc'] == 'rw-r--r--'
        modes.findAll { path, mode -> mode != (path.endsWith('/repodata') ? 'rwxr-xr-x' : 'rw-r--r--') } == [:]
        modes.keySet().count { it.endsWith('-modules.yaml.xz') } == 1
        modes.keySet().count { it.endsWith('-updateinfo.xml.gz') } == 2
    }

    def "the comps file Pungi left is used as it is, AppStream's is taken from the compose's repodata, the module metadata from rocky-module-metadata"() {
        when:
        Path composeWork = compose.resolveSibling('work')

        then:
        Files.readString(composeWork.resolve('x86_64/comps/comps-BaseOS.x86_64.xml')).contains('<id>demo-core-pungi</id>')
        Files.readString(composeWork.resolve('x86_64/comps/comps-AppStream.x86_64.xml')).contains('<id>demo-tools</id>')
        Files.readString(composeWork.resolve('x86_64/modules/AppStream/modules.yaml')) == MODULES.replace('stream: "1.0"', 'stream: "1.1"')
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
        failed.stdoutLines.findAll { it.contains('createrepo:BaseOS:x86_64: ') }*.replaceFirst(/^\[\d+\/7\]/, '[n/7]') == [
                '[n/7] FAILED  createrepo:BaseOS:x86_64: ' + reason, 'FAILED createrepo:BaseOS:x86_64: ' + reason]
        failed.stdoutLines.any { it ==~ /\[\d+\/7\] skipped sign \(a required dependency failed\)/ }
    }
}
