package org.relengine.cli

import java.nio.file.Files
import java.nio.file.LinkOption
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import spock.lang.Shared
import spock.lang.Specification

/**
 * What is published has fixed modes, whatever the umask of whoever runs relengine: every directory 0755, every
 * file 0644, relengine's own lock directories in the publish roots 0755 and its lock files 0644. The small test
 * recipe is composed and published once by the demo under {@code umask 000}, which would otherwise leave every
 * file writable by every local user.
 */
class PublishModesSpec extends Specification {

    static final Path MINI = Cli.ROOT.resolve('tests/src/test/resources/recipes/mini9.groovy')

    @Shared Path root = Files.createTempDirectory('relengine-modes')

    def setupSpec() {
        def demo = Cli.run([env: DemoSpec.ENV, timeout: 600, under: Cli.UMASK_000], 'demo', '--executor', 'local', '--out', root.toString(),
                '--recipe', MINI.toString())
        assert demo.exitCode == 0: demo.stdout + demo.stderr
    }

    static String mode(Path path) {
        PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS))
    }

    /** The first RPM of a tree. */
    static Path rpm(Path tree) {
        Files.walk(tree.resolve('Packages')).withCloseable { it.filter { it.toString().endsWith('.rpm') }.sorted().findFirst().get() }
    }

    /** Every directory and file under a publish root whose mode is not the published one: how many, the first three. */
    static String otherModes(Path top) {
        Map<String, String> other = new TreeMap<>()
        Files.walk(top).withCloseable { stream ->
            stream.filter { !Files.isSymbolicLink(it) }.forEach { Path p ->
                String want = Files.isDirectory(p) ? 'rwxr-xr-x' : 'rw-r--r--'
                if (mode(p) != want) {
                    other[top.relativize(p).toString()] = mode(p)
                }
            }
        }
        other.isEmpty() ? 'none' : other.size() + ', e.g. ' + other.take(3)
    }

    def "the compose was made under umask 000: its files are writable by everyone"() {
        expect: 'what the publish steps had to fix'
        mode(root.resolve('compose/9/latest-Mini-9/compose/BaseOS/x86_64/os/repodata/repomd.xml')) == 'rw-rw-rw-'
        mode(root.resolve('compose/9/latest-Mini-9/compose/BaseOS/x86_64/os/Packages')) == 'rwxrwxrwx'
        mode(rpm(root.resolve('compose/9/latest-Mini-9/compose/BaseOS/x86_64/os'))) == 'rw-rw-rw-'
    }

    def "under umask 000, every directory published to #top is 0755 and every file 0644, RPMs and repomd.xml included"() {
        given:
        Path tree = root.resolve(top)
        Path os = tree.resolve(version + '/BaseOS/x86_64/os')

        expect:
        otherModes(tree) == 'none'
        mode(rpm(os)) == 'rw-r--r--'
        mode(os.resolve('repodata/repomd.xml')) == 'rw-r--r--'
        mode(tree) == 'rwxr-xr-x'
        mode(tree.resolve('mirror/pub')) == 'rwxr-xr-x'

        where:
        top          | version
        'staging'    | 'mirror/pub/rocky/9.1-RC1'
        'production' | 'mirror/pub/rocky/9.1'
    }

    def "the file lists written into production are 0644"() {
        expect:
        ['fullfilelist', 'fullfiletimelist-rocky', 'fullfiletimelist', 'fullfiletimelist-rocky-linux'].collect {
            mode(root.resolve('production/mirror/pub/rocky/' + it))
        } == ['rw-r--r--'] * 4
    }

    def "relengine's lock directories are 0755, and a lock file, as long as a run holds it, 0644"() {
        given:
        Path log = Files.createTempFile('relengine-modes', '.log')
        Path lock = root.resolve('production/.relengine/locks/mirror_pub_rocky_9.1.lock')

        when: 'a publish run under umask 000, looked at while it holds its locks'
        Process run = Cli.start([under: Cli.UMASK_000], log, 'run', MINI.toString(), '--only', 'publish',
                '--executor', 'local', '--root', root.toString(), '--confirm')
        String held = null
        long until = System.currentTimeMillis() + 120_000
        while (held == null && run.alive && System.currentTimeMillis() < until) {
            held = Files.exists(lock) ? mode(lock) : null
            Thread.sleep(2)
        }
        run.waitFor()

        then:
        run.exitValue() == 0
        held == 'rw-r--r--'
        ['staging/.relengine', 'staging/.relengine/locks', 'production/.relengine', 'production/.relengine/locks']
                .collect { mode(root.resolve(it)) } == ['rwxr-xr-x'] * 4
        !Files.exists(lock)
    }
}
