package org.relengine.cli

import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpServer
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.LinkOption
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.Executors
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

/**
 * A source whose URL carries credentials ({@code http://user:password@host/…}), served on loopback by a
 * repository that answers only with basic authentication, and the release's extra files in a git repository
 * behind the same authentication. The sync and the fetch get in with them, and the password is
 * nowhere relengine shows or keeps anything (console, task logs, journal, plan copies, plan files, reports,
 * explain, status) but the one file dnf reads, which is created 0600. Features run in order: a compose,
 * then resumed runs of it.
 */
@Stepwise
class SourceCredentialsSpec extends Specification {

    static final String SECRET = 'Sp3c-s3cret-7f0a'
    static final String OTHER = 'Sp3c-other-91c2'
    static final String WRONG = 'Sp3c-wrong-5d6e'
    static final String STAMP = '20261126.051348'
    static final Set<String> ACCEPTED = [SECRET, OTHER].collect {
        'Basic ' + "relengine:$it".getBytes(StandardCharsets.UTF_8).encodeBase64().toString()
    } as Set

    @Shared Path work = Files.createTempDirectory('relengine-credentials')
    @Shared Path root = work.resolve('root')
    @Shared Path repo = work.resolve('repo')
    @Shared HttpServer server
    @Shared List<String> refused = new CopyOnWriteArrayList<>()
    @Shared Path recipe
    @Shared Path compose = root.resolve("compose/9/Mini-9.1-$STAMP")
    @Shared Path dnfConfig = compose.resolve("work/dnf/Mini-9.1-${STAMP}.repo")
    @Shared Cli.Result run

    def setupSpec() {
        Path rpm = rpm('demo-baseos', '1.0')
        Path into = repo.resolve('BaseOS/x86_64/Packages/d/' + rpm.fileName)
        Files.createDirectories(into.parent)
        Files.copy(rpm, into)
        assert Cli.exec(['createrepo_c', '--quiet', repo.resolve('BaseOS/x86_64').toString()]).exitCode == 0
        // the release's extra files, in a git repository behind the same authentication
        Path release = work.resolve('release')
        Files.createDirectories(release)
        Files.writeString(release.resolve('EULA'), 'EULA of the credentials spec\n')
        [['git', 'init', '-q', '-b', 'm9'], ['git', 'add', 'EULA'],
         ['git', '-c', 'user.name=spec', '-c', 'user.email=spec@example.org', 'commit', '-qm', 'EULA']].each {
            assert Cli.exec(it, release).exitCode == 0
        }
        assert Cli.exec(['git', 'clone', '-q', '--bare', release.toString(), repo.resolve('release.git').toString()]).exitCode == 0

        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16)
        server.createContext('/') { HttpExchange exchange -> serve(exchange) }
        server.executor = Executors.newFixedThreadPool(4)
        server.start()
        recipe = recipe(SECRET)

        run = Cli.run([timeout: 300], 'run', recipe.toString(), '--root', root.toString(), '--executor', 'local',
                '--confirm', '--date-stamp', STAMP, '--junit', root.resolve('report/junit.xml').toString(),
                '--report', root.resolve('report/report.html').toString())
    }

    def cleanupSpec() {
        server?.stop(0)
    }

    /** The repository's files, to requests with one of the accepted credentials only. */
    void serve(HttpExchange exchange) {
        exchange.withCloseable {
            String authorization = exchange.requestHeaders.getFirst('Authorization')
            if (!(authorization in ACCEPTED)) {
                refused << exchange.requestURI.path
                exchange.responseHeaders.add('WWW-Authenticate', 'Basic realm="spec"')
                exchange.sendResponseHeaders(401, -1)
                return
            }
            if (exchange.requestURI.path.startsWith('/release.git/')) {
                git(exchange)
                return
            }
            Path file = repo.resolve(exchange.requestURI.path.substring(1)).normalize()
            if (!file.startsWith(repo) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1)
                return
            }
            byte[] body = Files.readAllBytes(file)
            exchange.sendResponseHeaders(200, body.length)
            exchange.responseBody.write(body)
        }
    }

    /** git's smart HTTP, as git's own CGI program serves it. */
    void git(HttpExchange exchange) {
        byte[] request = exchange.requestBody.readAllBytes()
        ProcessBuilder backend = new ProcessBuilder('git', 'http-backend')
        backend.environment().putAll([GIT_PROJECT_ROOT: repo.toString(), GIT_HTTP_EXPORT_ALL: '1',
                                      PATH_INFO: exchange.requestURI.path, QUERY_STRING: exchange.requestURI.rawQuery ?: '',
                                      REQUEST_METHOD: exchange.requestMethod, CONTENT_LENGTH: String.valueOf(request.length),
                                      CONTENT_TYPE: exchange.requestHeaders.getFirst('Content-Type') ?: '',
                                      HTTP_CONTENT_ENCODING: exchange.requestHeaders.getFirst('Content-Encoding') ?: '',
                                      GIT_PROTOCOL: exchange.requestHeaders.getFirst('Git-Protocol') ?: '',
                                      REMOTE_USER: 'relengine', REMOTE_ADDR: '127.0.0.1'])
        Process process = backend.start()
        process.outputStream.withCloseable { it.write(request) }
        byte[] output = process.inputStream.readAllBytes()
        process.waitFor()
        String text = new String(output, StandardCharsets.ISO_8859_1)
        int end = text.indexOf('\r\n\r\n') >= 0 ? text.indexOf('\r\n\r\n') + 4 : text.indexOf('\n\n') + 2
        int status = 200
        text.substring(0, end).readLines().findAll { it.contains(':') }.each { String line ->
            String name = line.substring(0, line.indexOf(':')).trim()
            String value = line.substring(line.indexOf(':') + 1).trim()
            if (name.equalsIgnoreCase('Status')) {
                status = value.split(' ')[0] as int
            } else {
                exchange.responseHeaders.add(name, value)
            }
        }
        byte[] body = Arrays.copyOfRange(output, end, output.length)
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length)
        if (body.length > 0) {
            exchange.responseBody.write(body)
        }
    }

    String url(String password) {
        "http://relengine:$password@127.0.0.1:${server.address.port}/{repo}/{arch}"
    }

    /** What a URL is shown as. */
    String shown() {
        "http://relengine:***@127.0.0.1:${server.address.port}/BaseOS/x86_64"
    }

    Path recipe(String password) {
        Cli.writeRecipe(work, 'credentials.groovy', """\
release 'Mini Linux', short: 'Mini', version: '9.1', rc: 'RC1', final: true, code: 'Spec'
arches 'x86_64'
source yum, url: '${url(password)}'
extraFiles git: 'http://relengine:$password@127.0.0.1:${server.address.port}/release.git', ref: 'm9', files: ['EULA']
repos {
    repo 'BaseOS', debug: false, source: false, kickstart: false
}
compose {
    sync from: yum, delete: true
}
publish {
    staging delete: false
    production delete: false
}
""")
    }

    /** A noarch package built with rpmbuild. */
    Path rpm(String name, String version) {
        Path spec = work.resolve("${name}.spec")
        Files.writeString(spec, """Name: $name
Version: $version
Release: 1.el9
Summary: $name, a package of the credentials spec
License: MIT
BuildArch: noarch
%description
A package of the credentials spec.
%install
mkdir -p %{buildroot}/usr/share/$name
echo $version > %{buildroot}/usr/share/$name/version
%files
/usr/share/$name/version
""")
        def made = Cli.exec(['rpmbuild', '-bb', '--define', "_topdir ${work.resolve('top')}".toString(), spec.toString()],
                work, [:], 120)
        assert made.exitCode == 0: made.stderr
        work.resolve("top/RPMS/noarch/$name-$version-1.el9.noarch.rpm")
    }

    /** Every file under the roots (compose, staging, production, reports) that holds {@code secret}. */
    List<String> holding(String secret) {
        // bytes as ISO-8859-1 characters, one each: a file need not be UTF-8 to hold the secret
        String wanted = new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)
        List<String> found = []
        Files.walk(root).withCloseable { stream ->
            stream.filter { Files.isRegularFile(it, LinkOption.NOFOLLOW_LINKS) }.forEach { Path file ->
                if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(wanted)) {
                    found << root.relativize(file).toString()
                }
            }
        }
        found.sort()
    }

    static String mode(Path file) {
        PosixFilePermissions.toString(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS))
    }

    String dnfConfigPath() {
        root.relativize(dnfConfig).toString()
    }

    def "a sync from a source that needs basic authentication gets in with the credentials of the recipe's URL, and publishes"() {
        expect:
        run.exitCode == 0
        Files.isRegularFile(root.resolve('production/mirror/pub/rocky/9.1/BaseOS/x86_64/os/Packages/d/demo-baseos-1.0-1.el9.noarch.rpm'))
        run.stdout.contains('relengine: 6 done, 0 failed (0 required), 0 skipped')
        Files.readString(root.resolve('production/mirror/pub/rocky/9.1/metadata/EULA')) == 'EULA of the credentials spec\n'
    }

    def "the password is in no file of the compose, staging, production and the reports, nor in the run's output, but in the dnf configuration"() {
        expect:
        holding(SECRET) == [dnfConfigPath()]
        !run.stdout.contains(SECRET) && !run.stderr.contains(SECRET)
        Files.isRegularFile(root.resolve('report/junit.xml')) && Files.isRegularFile(root.resolve('report/report.html'))
    }

    def "the dnf configuration, the one file that holds the password, is 0600 and gives it to dnf apart from the URL, which dnf shows"() {
        when:
        List<String> lines = Files.readAllLines(dnfConfig)

        then:
        mode(dnfConfig) == 'rw-------'
        lines.containsAll(["baseurl=http://127.0.0.1:${server.address.port}/BaseOS/x86_64".toString(),
                           'username=relengine', "password=$SECRET".toString()])
        lines.count { it.contains('@') } == 0
    }

    def "what is kept shows the URL with its password hidden: the compose's plan copy, the journal, the sync's log"() {
        when:
        String plan = Files.readString(compose.resolve('work/plan.json'))
        String journal = Files.readString(compose.resolve('work/journal'))
        String log = Files.readString(compose.resolve('work/logs/prepare.log'))

        then:
        plan.contains('"inputs" : [ "' + shown() + '" ]')
        plan.contains('password=***')
        journal.contains('"input ' + shown() + '":"repomd.xml sha256 ')
        journal =~ /"credentials":"pbkdf2-sha256 [0-9a-f]{32} \(of the secrets it holds, which are not kept\)"/
        log.contains("# write $dnfConfig (dnf configuration, ")
        log.contains("wrote $dnfConfig (0600)")
    }

    def "`#command` shows the source without its password"() {
        when:
        def result = Cli.run((command.collect { it.replace('RECIPE', recipe.toString()).replace('COMPOSE', compose.toString()) }
                + ['--root', root.toString()].findAll { command[0] in ['plan', 'run'] }) as String[])

        then:
        result.exitCode in [0, 2]
        !result.stdout.contains(SECRET) && !result.stderr.contains(SECRET)
        !shows || result.stdout.contains(shows == 'the URL' ? shown() : shows)
        result.stackTraceMarkers == []

        where:
        command                                                   | shows
        ['plan', 'RECIPE', '--format', 'json']                    | 'the URL'
        ['plan', 'RECIPE']                                        | null
        ['run', 'RECIPE', '--dry-run']                            | 'created 0600'
        ['show', 'RECIPE']                                        | 'relengine:***@'
        ['show', 'RECIPE', '--format', 'json']                    | 'relengine:***@'
        ['validate', 'RECIPE']                                    | null
        ['explain', 'sync:BaseOS:x86_64:os', '--compose', 'COMPOSE'] | 'input ' + 'http://relengine:***@'
        ['status', 'COMPOSE']                                     | null
        ['status', 'COMPOSE', '--format', 'json']                 | null
    }

    def "explain says it cannot compare what needs the credentials, which the compose does not keep"() {
        when:
        def explain = Cli.run('explain', 'sync:BaseOS:x86_64:os', '--compose', compose.toString())

        then:
        explain.exitCode == 0
        explain.stdout =~ /(?m)^  credentials +not known here: the compose keeps no secret$/
        explain.stdout.contains('--resume reuses it unless its credentials changed, or what they give access to')
    }

    def "a plan saved with a --source URL keeps its password out of the file; apply needs the URL again"() {
        given:
        Path saved = work.resolve('saved.plan.json')
        String source = url(SECRET)

        when:
        def plan = Cli.run('plan', recipe.toString(), '--root', work.resolve('other').toString(), '--source', source,
                '--out', saved.toString())
        def without = Cli.run('apply', saved.toString(), '--dry-run')
        def with = Cli.run('apply', saved.toString(), '--dry-run', '--source', source)

        then:
        plan.exitCode == 2
        !Files.readString(saved).contains(SECRET)
        Files.readString(saved).contains('"source" : "http://relengine:***@127.0.0.1:' + server.address.port + '/{repo}/{arch}"')
        without.exitCode == 1
        without.stderrLines == ["relengine: $saved was made with --source http://relengine:***@127.0.0.1:${server.address.port}/{repo}/{arch}, whose credentials a plan file does not keep".toString(),
                                "  hint: give the URL again: relengine apply $saved --source URL".toString()]
        with.exitCode == 0
        with.stdout.contains('created 0600')
        !(plan.stdout + plan.stderr + with.stdout + with.stderr).contains(SECRET)
    }

    def "another password changes the hash of the tasks that hold it: a resumed run writes the dnf configuration and syncs again"() {
        given:
        recipe(OTHER)

        when:
        def again = Cli.run([timeout: 300], 'run', recipe.toString(), '--root', root.toString(), '--executor', 'local',
                '--confirm', '--date-stamp', STAMP, '--resume')
        List<Map> lines = Files.readAllLines(compose.resolve('work/journal')).collect { new groovy.json.JsonSlurper().parseText(it) as Map }
        List<Map> last = lines.subList(lines.findLastIndexOf { it.event == 'run' }, lines.size())
        Map credentials = ['prepare', 'sync:BaseOS:x86_64:os', 'extrafiles'].collectEntries { id ->
            [id, lines.findAll { it.task == id && it.state == 'done' }*.ingredients*.credentials]
        }

        then:
        again.exitCode == 0
        last.findAll { it.state == 'done' }*.task.containsAll(['prepare', 'sync:BaseOS:x86_64:os', 'extrafiles'])
        last.findAll { it.state == 'reused' }*.task == []
        credentials.values().every { it.size() == 2 && it[0] != it[1] }
        holding(OTHER) == [dnfConfigPath()]
        holding(SECRET) == []
        !again.stdout.contains(OTHER)
    }

    def "the same password again: the resumed run reuses every task"() {
        when:
        def same = Cli.run([timeout: 300], 'run', recipe.toString(), '--root', root.toString(), '--executor', 'local',
                '--confirm', '--date-stamp', STAMP, '--resume')

        then:
        same.exitCode == 0
        same.stdout.contains('relengine: 0 done, 6 reused, 0 failed (0 required), 0 skipped')
    }

    def "a wrong password fails the sync with the server's 401, and is in no log, no report and no output either"() {
        given:
        recipe(WRONG)
        refused.clear()

        when:
        def failed = Cli.run([timeout: 300], 'run', recipe.toString(), '--root', root.toString(), '--executor', 'local',
                '--confirm', '--date-stamp', STAMP, '--resume', '--junit', root.resolve('report/junit.xml').toString(),
                '--report', root.resolve('report/report.html').toString())

        then:
        failed.exitCode == 3
        failed.stdout.contains("FAILED  sync:BaseOS:x86_64:os: GET http://relengine:***@127.0.0.1:${server.address.port}/BaseOS/x86_64/repodata/repomd.xml answered 401")
        refused.contains('/BaseOS/x86_64/repodata/repomd.xml')
        holding(WRONG) == [dnfConfigPath()]
        !failed.stdout.contains(WRONG) && !failed.stderr.contains(WRONG)
    }
}
