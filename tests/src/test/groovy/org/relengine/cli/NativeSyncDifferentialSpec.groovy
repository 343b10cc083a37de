package org.relengine.cli

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.nio.file.attribute.FileTime
import java.time.Instant
import spock.lang.Shared
import spock.lang.Specification

/**
 * {@code relengine sync} makes the same tree as {@code dnf reposync --download-metadata --norepopath
 * --remote-time} does from the same source: the same relative paths (directories included), the same bytes,
 * the same modification times. Each source is a real repository (tiny packages built with rpmbuild, metadata by
 * createrepo_c) served on loopback by {@link RepoServer}, which sends {@code Last-Modified} from each file's
 * modification time; the source's files carry times with a fraction of a second, to show which precision each
 * side keeps.
 *
 * <p>What dnf reposync (dnf 4.14, dnf-plugins-core's reposync, librepo) does, found by running it by hand against
 * such repositories, and what the engine must therefore do:
 * <ul>
 * <li>It writes each package at {@code DIR/<location href>} and, under {@code DIR/repodata/}, repomd.xml and
 * every file repomd.xml names (primary, filelists, other and their sqlite databases), byte for byte as served;
 * nothing else: no cache, no temporary file, nothing of an earlier sync's metadata.</li>
 * <li>Modification times: every file it downloads, metadata included (repomd.xml too), gets the server's
 * {@code Last-Modified}. That is whole seconds (an HTTP date has no fraction), and dnf keeps it so: the
 * nanoseconds are 0. The trees are compared to the second.</li>
 * <li>Metadata is downloaded again on every sync, and repodata/ then holds exactly the new set: files of the
 * earlier repomd.xml that the new one does not name are gone, whether or not {@code --delete} is given.</li>
 * <li>A package already there with the checksum primary.xml names is not downloaded again, and keeps its
 * modification time.</li>
 * <li>A package removed at the source stays without {@code --delete}. With {@code --delete} its file is deleted
 * (every {@code *.rpm} under DIR that primary.xml does not name is), but the directory it leaves empty
 * ({@code Packages/b/} in the hashed layout) stays.</li>
 * <li>A package replaced at the source under the same file name (rebuilt with other content, same NEVRA) is
 * downloaded again, because its checksum no longer matches, and gets the new file's {@code Last-Modified}.</li>
 * <li>Source packages ({@code .src.rpm}) of a source tree are downloaded like any other without
 * {@code --source}; debuginfo and debugsource packages likewise.</li>
 * </ul>
 * This createrepo_c (0.17) compresses metadata as gz, bz2 or xz, not zstd (nor zck as a general type): the
 * compression feature takes whichever of gz, bz2, xz and zstd the installed createrepo_c supports.
 */
class NativeSyncDifferentialSpec extends Specification {

    static final FileTime PACKAGE_TIME = FileTime.from(Instant.parse('2024-01-02T03:04:05.678Z'))
    static final FileTime METADATA_TIME = FileTime.from(Instant.parse('2024-02-03T04:05:06.789Z'))
    static final FileTime CHANGED_PACKAGE_TIME = FileTime.from(Instant.parse('2024-03-04T05:06:07.891Z'))
    static final FileTime CHANGED_METADATA_TIME = FileTime.from(Instant.parse('2024-04-05T06:07:08.912Z'))

    @Shared Path work = Files.createTempDirectory('relengine-native-sync')
    @Shared Path sources = work.resolve('sources')
    @Shared RepoServer server
    /** The packages, by a short name. */
    @Shared Map<String, Path> packages = [:]

    def setupSpec() {
        Map<String, Path> alpha = RpmBuild.build(work, 'alpha', '1.0')
        Map<String, Path> beta = RpmBuild.build(work, 'beta', '2.1')
        Map<String, Path> demo = RpmBuild.build(work, 'demo', '3.2', arch: 'x86_64', subpackages: ['debuginfo', 'debugsource'])
        Map<String, Path> rebuilt = RpmBuild.build(work, 'alpha', '1.0', content: 'rebuilt with other content', build: 2)
        packages.with {
            put('alpha', alpha['alpha-1.0-1.el9.noarch.rpm'])
            put('beta', beta['beta-2.1-1.el9.noarch.rpm'])
            put('demo-debuginfo', demo['demo-debuginfo-3.2-1.el9.x86_64.rpm'])
            put('demo-debugsource', demo['demo-debugsource-3.2-1.el9.x86_64.rpm'])
            put('alpha.src', alpha.src)
            put('demo.src', demo.src)
            put('alpha rebuilt', rebuilt['alpha-1.0-1.el9.noarch.rpm'])
        }
        assert TreeSnapshot.sha256(packages['alpha']) != TreeSnapshot.sha256(packages['alpha rebuilt'])
        server = RepoServer.start(sources)
    }

    def cleanupSpec() {
        server?.close()
    }

    def "a #tree tree synced once is the same as dnf reposync makes it: paths, bytes and modification times"() {
        given:
        Path source = source(tree, layout, names, createrepo)

        when:
        Path byDnf = dnfSync(tree, false)

        then: 'dnf mirrors the source: every package, repomd.xml and every file it names, with the source times to the second'
        TreeSnapshot.of(byDnf) == TreeSnapshot.of(source)

        when:
        Cli.Result run = engineSync(tree, false)

        then:
        run.exitCode == 0
        TreeSnapshot.of(engineDir(tree)) == TreeSnapshot.of(byDnf)

        where:
        tree                   | layout   | names                                   | createrepo
        'plain'                | 'plain'  | ['alpha', 'beta']                       | []
        'hashed'               | 'hashed' | ['alpha', 'beta']                       | []
        'debug'                | 'hashed' | ['demo-debuginfo', 'demo-debugsource']  | []
        'source'               | 'hashed' | ['alpha.src', 'demo.src']               | []
        'simple-md-filenames'  | 'hashed' | ['alpha', 'beta']                       | ['--simple-md-filenames']
    }

    def "metadata compressed as #compression is mirrored byte for byte, as dnf reposync mirrors it"() {
        given:
        Path source = source("compressed-$compression", 'hashed', ['alpha', 'beta'], ["--general-compress-type=$compression"])

        when:
        Path byDnf = dnfSync("compressed-$compression", false)

        then:
        RepoMetadata.locations(source).primary.endsWith(".xml.$compression")
        TreeSnapshot.of(byDnf) == TreeSnapshot.of(source)

        when:
        Cli.Result run = engineSync("compressed-$compression", false)

        then:
        run.exitCode == 0
        TreeSnapshot.of(engineDir("compressed-$compression")) == TreeSnapshot.of(byDnf)

        where:
        compression << compressions()
    }

    def "#change at the source between two syncs#with: the second sync leaves the tree as dnf reposync leaves it"() {
        given:
        String tree = "${change.replaceAll(/\W+/, '-')}${delete ? '-delete' : ''}"
        Path source = source(tree, 'hashed', ['alpha', 'beta'], [])
        Path byDnf = dnfSync(tree, delete)
        Cli.Result first = engineSync(tree, delete)
        Map<String, String> firstSync = TreeSnapshot.of(byDnf)

        when:
        changeSource(source, change)
        dnfSync(tree, delete)

        then: 'dnf mirrors the changed source, and keeps what it keeps of the first sync'
        TreeSnapshot.of(byDnf) == TreeSnapshot.of(source) + firstSync.subMap(kept)

        when:
        Cli.Result second = engineSync(tree, delete)

        then:
        first.exitCode == 0
        second.exitCode == 0
        TreeSnapshot.of(engineDir(tree)) == TreeSnapshot.of(byDnf)

        where:
        change                                         | delete || kept
        'nothing changed'                              | false  || []
        'nothing changed'                              | true   || []
        'beta removed'                                 | false  || ['Packages/b', 'Packages/b/beta-2.1-1.el9.noarch.rpm']
        'beta removed'                                 | true   || ['Packages/b']
        'alpha rebuilt with other content, same NEVRA' | false  || []
        'alpha rebuilt with other content, same NEVRA' | true   || []

        with = delete ? ', with --delete' : ', without --delete'
    }

    /**
     * A source tree under the server's root: the named packages, at the top ({@code plain}) or under
     * {@code Packages/<first letter>/} ({@code hashed}, as Peridot lays them out), then createrepo_c.
     */
    Path source(String tree, String layout, List<String> names, List<String> createrepo) {
        Path source = sources.resolve(tree)
        names.each { String name ->
            Path rpm = packages[name]
            String file = rpm.fileName.toString()
            Path into = source.resolve(layout == 'hashed' ? "Packages/${file[0]}/$file" : file)
            Files.createDirectories(into.parent)
            Files.copy(rpm, into)
            Files.setLastModifiedTime(into, PACKAGE_TIME)
        }
        makeRepodata(source, createrepo, METADATA_TIME)
        source
    }

    void changeSource(Path source, String change) {
        switch (change) {
            case 'nothing changed':
                return
            case 'beta removed':
                Files.delete(source.resolve('Packages/b/beta-2.1-1.el9.noarch.rpm'))
                Files.delete(source.resolve('Packages/b'))
                break
            case 'alpha rebuilt with other content, same NEVRA':
                Path alpha = source.resolve('Packages/a/alpha-1.0-1.el9.noarch.rpm')
                Files.copy(packages['alpha rebuilt'], alpha, StandardCopyOption.REPLACE_EXISTING)
                Files.setLastModifiedTime(alpha, CHANGED_PACKAGE_TIME)
                break
            default:
                throw new IllegalArgumentException(change)
        }
        makeRepodata(source, [], CHANGED_METADATA_TIME)
    }

    static void makeRepodata(Path source, List<String> options, FileTime time) {
        Cli.Result made = Cli.exec(['createrepo_c', '--quiet'] + options*.toString() + [source.toString()])
        assert made.exitCode == 0: made.stderr
        Files.list(source.resolve('repodata')).withCloseable { stream ->
            stream.forEach { Path file -> Files.setLastModifiedTime(file, time) }
        }
    }

    /** The general compression types, of gz, bz2, xz and zstd, that the installed createrepo_c can write. */
    static List<String> compressions() {
        Path probe = Files.createTempDirectory('relengine-createrepo-probe')
        try {
            ['gz', 'bz2', 'xz', 'zstd'].findAll { String type ->
                Cli.exec(['createrepo_c', '--quiet', "--general-compress-type=$type".toString(), probe.toString()]).exitCode == 0
            }
        } finally {
            probe.toFile().deleteDir()
        }
    }

    /** dnf reposync of one tree, as relengine has run it so far, into {@code work/dnf/<tree>}. */
    Path dnfSync(String tree, boolean delete) {
        Path config = work.resolve("dnf-${tree}.conf")
        Files.writeString(config, """\
[main]
reposdir=/dev/null
cachedir=${work.resolve('dnf-cache')}
keepcache=0
metadata_expire=0
gpgcheck=0

[$tree]
name=$tree
baseurl=${server.url(tree)}
enabled=1
gpgcheck=0
repo_gpgcheck=0
""")
        Path target = work.resolve("dnf/$tree")
        List<String> command = ['dnf', 'reposync', '-c', config.toString(), "--repoid=$tree".toString(),
                                '--download-metadata', '--norepopath', '--remote-time', '-p', target.toString()]
        Cli.Result synced = Cli.exec(delete ? command + ['--delete'] : command, work, [:], 120)
        assert synced.exitCode == 0: synced.stderr
        target
    }

    /** relengine's own sync of one tree into {@code work/native/<tree>}, with a state directory of the spec's. */
    Cli.Result engineSync(String tree, boolean delete) {
        List<String> args = ['sync'] + (delete ? ['--delete'] : []) +
                ['--state', work.resolve('state').toString(), server.url(tree), engineDir(tree).toString()]
        Cli.run([timeout: 120], args as String[])
    }

    Path engineDir(String tree) {
        work.resolve("native/$tree")
    }
}
