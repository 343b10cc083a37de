package org.relengine.cli

import groovy.json.JsonSlurper
import java.nio.file.Path
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

/** {@code relengine show}, run as a process: the resolved model of the shipped recipes. */
class ShowCommandSpec extends Specification {

    static final List<String> ALL = ['x86_64', 'aarch64', 'ppc64le', 's390x']

    /** Rocky Linux 9's repos and the arches each exists on (sig-core-toolkit's el9 config). */
    static final Map<String, List<String>> REPO_ARCHES = [
            devel           : ALL,
            BaseOS          : ALL,
            AppStream       : ALL,
            CRB             : ALL,
            HighAvailability: ALL,
            ResilientStorage: ['x86_64', 'ppc64le', 's390x'],
            RT              : ['x86_64', 'aarch64'],
            NFV             : ['x86_64'],
            SAP             : ['x86_64', 'ppc64le', 's390x'],
            SAPHANA         : ['x86_64', 'ppc64le'],
            extras          : ALL,
            plus            : ALL,
    ]

    @Shared
    Cli.Result rocky9Json

    @Shared
    Cli.Result rocky9Text

    @TempDir
    Path dir

    def setupSpec() {
        rocky9Json = Cli.run('show', 'recipes/rocky9.groovy', '--format', 'json')
        rocky9Text = Cli.run('show', 'recipes/rocky9.groovy')
    }

    def "show --format json exits 0 with the model and nothing on stderr"() {
        expect:
        rocky9Json.exitCode == 0
        rocky9Json.stderr == ''
        json().schema == 'relengine.model/1'
        json().files == ['recipes/rocky9.groovy']
    }

    def "show --format json: the release"() {
        expect:
        json().release.subMap(['name', 'short', 'version', 'major', 'minor']) ==
                [name: 'Rocky Linux', short: 'Rocky', version: '9.7', major: 9, minor: 7]
        json().release.major instanceof Integer
        json().release.minor instanceof Integer
    }

    def "show --format json: the release arches, in the recipe's order"() {
        expect:
        json().arches == ['x86_64', 'aarch64', 'ppc64le', 's390x']
    }

    def "show --format json: every repo with the arches it exists on, in the recipe's order"() {
        given:
        List repos = json().repos

        expect:
        repos.every { it instanceof Map && it.name instanceof String && it.arches instanceof List }
        repos*.name == REPO_ARCHES.keySet() as List
        repos.collectEntries { [it.name, it.arches] } == REPO_ARCHES
    }

    def "show --format json: repo #repo exists on #arches"() {
        expect:
        json().repos.find { it.name == repo }?.arches == arches

        where:
        repo << REPO_ARCHES.keySet()
        arches = REPO_ARCHES[repo]
    }

    def "show: the release line and the repo × arch matrix"() {
        given:
        def result = rocky9Text

        expect:
        result.exitCode == 0
        result.stderr == ''
        result.stdoutLines.first() == 'Rocky Linux 9.7 (RC2, final, stable) — Blue Onyx'
        result.stdoutLines.contains('  arches         x86_64 aarch64 ppc64le s390x  (multilib: x86_64 → i686)')
        result.stdout.contains('''\
  repos             x86_64  aarch64  ppc64le  s390x  closure
  devel (from all)  ✓+i686  ✓        ✓        ✓      itself
  BaseOS            ✓       ✓        ✓        ✓      itself
  AppStream         ✓       ✓        ✓        ✓      itself, BaseOS
  CRB               ✓       ✓        ✓        ✓      itself, BaseOS, AppStream
  HighAvailability  ✓       ✓        ✓        ✓      itself, BaseOS, AppStream
  ResilientStorage  ✓       ·        ✓        ✓      itself, BaseOS, AppStream
  RT                ✓       ✓        ·        ·      itself, BaseOS, AppStream
  NFV               ✓       ·        ·        ·      itself, BaseOS, AppStream
  SAP               ✓       ·        ✓        ✓      itself, BaseOS, AppStream, HighAvailability
  SAPHANA           ✓       ·        ✓        ·      itself, BaseOS, AppStream, HighAvailability
  extras            ✓       ✓        ✓        ✓      -
  plus              ✓       ✓        ✓        ✓      -
''')
    }

    def "show: each matrix row marks exactly the arches of the reference (#repo)"() {
        given:
        def result = rocky9Text
        List<String> header = result.stdoutLines.find { it.startsWith('  repos ') }.trim().split(/\s+/) as List
        String row = result.stdoutLines.find { it ==~ /  ${java.util.regex.Pattern.quote(repo)}(\s|\s\(from).*/ }
        // the cells of the row, in the header's column positions
        String line = result.stdoutLines.find { it.startsWith('  repos ') }
        List<String> marks = ALL.collect { String arch -> row.substring(line.indexOf("  $arch") + 2).split(/\s+/)[0] }

        expect:
        header == ['repos'] + ALL + ['closure']
        ALL.findAll { marks[ALL.indexOf(it)].startsWith('✓') } == REPO_ARCHES[repo]
        ALL.findAll { marks[ALL.indexOf(it)] == '·' } == ALL - REPO_ARCHES[repo]

        where:
        repo << REPO_ARCHES.keySet()
    }

    def "show applies the include: #recipe"() {
        when:
        def result = Cli.run('show', "recipes/${recipe}.groovy", '--format', 'json')
        def model = new JsonSlurper().parseText(result.stdout)

        then:
        result.exitCode == 0
        model.files == ["recipes/${recipe}.groovy".toString(), 'recipes/rocky9.groovy']
        model.release.subMap(['version', 'rc', 'final', 'channel']) == [version: '9.8', rc: rc, final: false, channel: recipe - 'rocky9-']
        model.arches == ALL
        model.repos.collectEntries { [it.name, it.arches] } == REPO_ARCHES
        model.sources.find { it.kind == 'peridot' }.project == project
        !('WSL' in model.cloudImages*.type)
        model.paths.production == null
        model.publish*.step == ['staging', 'signRepos', 'filelists']

        where:
        recipe             | rc      | project
        'rocky9-beta'      | 'BETA1' | 'e285fe05-8c5f-417a-a4a3-caeca4011896'
        'rocky9-lookahead' | 'LH1'   | 'ae163d6a-f050-484f-bbaa-100ca673f146'
    }

    def "show on a broken recipe (#format): exit 1, the diagnostics instead of the model"() {
        given:
        Cli.copyRecipe(dir, 'rocky9.groovy', ['hashed: true': 'hashd: true'])

        when:
        def result = Cli.run(dir: dir, 'show', '--format', format, 'rocky9.groovy')

        then:
        result.exitCode == 1
        result.stackTraceMarkers == []

        and:
        if (format == 'text') {
            assert result.stdout == ''
            assert result.stderrLines.first() == 'rocky9.groovy:21:57: error: unknown option `hashd` for `source` [R104]'
            assert result.stderrLines.contains('  = hint: did you mean `hashed`?')
            assert result.stderrLines.last() == 'rocky9.groovy: 1 error'
        } else {
            def json = new JsonSlurper().parseText(result.stdout)
            assert json.schema == 'relengine.diagnostics/1'
            assert json.files*.subMap(['file', 'ok', 'errors']) == [[file: 'rocky9.groovy', ok: false, errors: 1]]
            assert json.files[0].diagnostics*.subMap(['code', 'line', 'column', 'message', 'hint']) == [
                    [code: 'R104', line: 21, column: 57, message: 'unknown option `hashd` for `source`',
                     hint: 'did you mean `hashed`?']]
            assert result.stderr == ''
        }

        where:
        format << ['text', 'json']
    }

    def "show --format #format twice gives byte-identical output"() {
        when:
        def first = Cli.run('show', 'recipes/rocky9.groovy', '--format', format)
        def second = Cli.run('show', 'recipes/rocky9.groovy', '--format', format)

        then:
        first.exitCode == 0
        second.exitCode == 0
        first.stdoutBytes.length > 0
        Arrays.equals(first.stdoutBytes, second.stdoutBytes)
        first.stdout == second.stdout    // for a readable difference should they differ

        where:
        format << ['json', 'text']
    }

    def "show: the repo matrix stays readable under the POSIX locale"() {
        when:
        def result = Cli.run(env: [LANG: null, LC_ALL: 'C', LC_CTYPE: null], 'show', 'recipes/rocky9.groovy')
        String nfv = result.stdoutLines.find { it.startsWith('  NFV ') }

        then:
        result.exitCode == 0
        !nfv.contains('?')
        nfv.split(/\s+/)[2] != nfv.split(/\s+/)[3]    // x86_64 (exists) and aarch64 (does not) look different
    }

    private Map json() {
        new JsonSlurper().parseText(rocky9Json.stdout) as Map
    }
}
