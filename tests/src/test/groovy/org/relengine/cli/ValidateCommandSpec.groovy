package org.relengine.cli

import static org.relengine.cli.Cli.Result.diagnosticLines

import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

/** {@code relengine validate}, run as a process against the shipped recipes and broken copies of them. */
class ValidateCommandSpec extends Specification {

    /** One misspelling each, in a copy of recipes/rocky9.groovy; the line numbers are rocky9.groovy's. */
    static final Map<String, String> ARCH = ["arches 'x86_64', 'aarch64'": "arches 'x86_64', 'aarch46'"]
    static final Map<String, String> OPTION = ['hashed: true': 'hashd: true']
    static final Map<String, String> KEYWORD = ["repo 'RT',": "repoo 'RT',"]
    static final Map<String, String> CLOSURE = ["closure: ['BaseOS'], comps": "closure: ['BaseOs'], comps"]
    static final Map<String, String> SOURCE = ['sync from: peridot': 'sync from: peridott']
    static final Map<String, String> EXECUTOR = ["extras 'dvd', on: podman": "extras 'dvd', on: podmn"]

    /** The diagnostic of the misspelt arch, as --format json must give it. */
    static final Map AARCH46 = [severity: 'error', code: 'R305', file: 'rocky9.groovy', line: 18, column: 18, length: 9,
                                message : 'unknown arch `aarch46`', hint: 'did you mean `aarch64`?', related: []]

    @TempDir
    Path dir

    /** Broken copies that several features look at: each written and validated once per run of this spec. */
    @Shared
    @TempDir
    Path shared

    @Shared
    Map<String, Cli.Result> runs = [:]

    def "validate #recipes exits 0 with one `ok` line per recipe"() {
        when:
        def result = Cli.run('validate', *recipes)

        then:
        result.exitCode == 0
        result.stdoutLines == recipes.collect { "$it: ok".toString() }
        result.stderr == ''

        where:
        recipes << [
                ['recipes/rocky8.groovy', 'recipes/rocky9.groovy'],
                ['recipes/rocky9-beta.groovy', 'recipes/rocky9-lookahead.groovy'],
        ]
    }

    def "validate --format json of the shipped recipes: every file ok, no diagnostics"() {
        given:
        def recipes = ['recipes/rocky8.groovy', 'recipes/rocky9.groovy', 'recipes/rocky9-beta.groovy',
                       'recipes/rocky9-lookahead.groovy']

        when:
        def result = Cli.run('validate', '--format', 'json', *recipes)
        def json = new JsonSlurper().parseText(result.stdout)

        then:
        result.exitCode == 0
        result.stderr == ''
        json.schema == 'relengine.diagnostics/1'
        json.files == recipes.collect { [file: it, ok: true, errors: 0, warnings: 0, diagnostics: []] }
    }

    def "a misspelt arch is reported at its file, line and column with a code frame and a did-you-mean (recipe given as #arg)"() {
        given:
        Path copy = Cli.copyRecipe(dir, 'rocky9.groovy', ARCH, arg == 'absolute path' ? 'rocky9.groovy' : arg)
        String shown = arg == 'absolute path' ? copy.toString() : arg

        when:
        def result = Cli.run(dir: cwd == 'repository root' ? Cli.ROOT : dir,
                'validate', arg == 'absolute path' ? copy.toString() : arg)

        then:
        result.exitCode == 1
        result.stdoutLines.take(6) == [
                "$shown:18:18: error: unknown arch `aarch46` [R305]".toString(),
                "16 |         bugurl: 'https://bugs.rockylinux.org'",
                '17 | ',
                "18 | arches 'x86_64', 'aarch46', 'ppc64le', 's390x', multilib: [x86_64: ['i686']]",
                '   |                  ^~~~~~~~~',
                '  = hint: did you mean `aarch64`?',
        ]
        result.stderr == ''
        result.stackTraceMarkers == []

        where:
        arg                 | cwd
        'rocky9.groovy'     | 'the recipe\'s directory'
        'sub/rocky9.groovy' | 'a directory above it'
        'absolute path'     | 'repository root'
    }

    def "unknown option `hashd`: the whole report, exactly"() {
        given:
        Cli.copyRecipe(dir, 'rocky9.groovy', OPTION)

        when:
        def result = Cli.run(dir: dir, 'validate', 'rocky9.groovy')

        then:
        result.exitCode == 1
        result.stdoutLines == [
                'rocky9.groovy:21:57: error: unknown option `hashd` for `source` [R104]',
                '19 | ',
                "20 | source peridot, url: yumrepofs,",
                "21 |        project: 'e285fe05-8c5f-417a-a4a3-caeca4011896', hashd: true",
                '   |                                                         ^~~~~',
                '  = hint: did you mean `hashed`?',
                '',
                'rocky9.groovy: 1 error',
        ]
        result.stdout.endsWith('\n\nrocky9.groovy: 1 error\n')
        result.stderr == ''
        result.stackTraceMarkers == []
    }

    def "a misspelt #what is reported at #line:#column with `#hint`"() {
        when:
        def result = validateCopy(what, edit)
        def lines = result.stdoutLines
        int header = lines.indexOf("rocky9.groovy:$line:$column: error: $message [$code]".toString())
        int hintLine = lines.findIndexOf(Math.max(header, 0)) { it.startsWith('  = hint: ') }

        then:
        result.exitCode == 1
        header == 0
        lines[hintLine] == "  = hint: $hint".toString()
        lines[hintLine - 1].endsWith('| ' + ' ' * (column - 1) + '^' + '~' * (length - 1))
        lines[hintLine - 2].startsWith("$line | ")
        result.stderr == ''
        result.stackTraceMarkers == []

        where:
        what          | edit     | line | column | length | code   | message                                                                 | hint
        'arch'        | ARCH     | 18   | 18     | 9      | 'R305' | 'unknown arch `aarch46`'                                                | 'did you mean `aarch64`?'
        'option'      | OPTION   | 21   | 57     | 5      | 'R104' | 'unknown option `hashd` for `source`'                                   | 'did you mean `hashed`?'
        'keyword'     | KEYWORD  | 43   | 5      | 5      | 'R102' | 'unknown keyword `repoo` in `repos { … }`'                              | 'did you mean `repo`?'
        'closure repo'| CLOSURE  | 39   | 40     | 8      | 'R308' | 'the closure of repo `AppStream` names repo `BaseOs`, which is not declared' | 'did you mean `BaseOS`?'
        'source'      | SOURCE   | 81   | 16     | 8      | 'R110' | 'unknown name `peridott`'                                               | 'did you mean `peridot`?'
        'executor'    | EXECUTOR | 84   | 23     | 5      | 'R110' | 'unknown name `podmn`'                                                  | 'did you mean `podman`?'
    }

    def "one misspelt #what is one error, not a cascade"() {
        when:
        def result = validateCopy(what, edit)

        then:
        result.exitCode == 1
        diagnosticLines(result.stdout).size() == 1
        result.stdoutLines.last() == 'rocky9.groovy: 1 error'

        where:
        what           | edit
        'arch'         | ARCH
        'option'       | OPTION
        'keyword'      | KEYWORD
        'closure repo' | CLOSURE
        'source'       | SOURCE
        'executor'     | EXECUTOR
    }

    def "--format json: the schema, the file entry and the exact diagnostic of the misspelt arch"() {
        when:
        def result = validateCopy('arch', ARCH, '--format', 'json')
        def json = new JsonSlurper().parseText(result.stdout)

        then:
        result.exitCode == 1
        result.stderr == ''
        json.keySet() == ['schema', 'files'] as Set
        json.schema == 'relengine.diagnostics/1'
        json.files.size() == 1
        json.files[0].keySet() == ['file', 'ok', 'errors', 'warnings', 'diagnostics'] as Set
        json.files[0].file == 'rocky9.groovy'
        json.files[0].ok == false
        json.files[0].warnings == 0
        json.files[0].errors == json.files[0].diagnostics.size()
        json.files[0].diagnostics[0] == AARCH46
    }

    def "--format json: one misspelt arch, one diagnostic, exactly"() {
        when:
        def result = validateCopy('arch', ARCH, '--format', 'json')
        def json = new JsonSlurper().parseText(result.stdout)

        then:
        result.exitCode == 1
        json == [schema: 'relengine.diagnostics/1',
                 files : [[file: 'rocky9.groovy', ok: false, errors: 1, warnings: 0, diagnostics: [AARCH46]]]]
    }

    def "--format json: the unknown option `hashd`, exactly"() {
        given:
        Cli.copyRecipe(dir, 'rocky9.groovy', OPTION)

        when:
        def result = Cli.run(dir: dir, 'validate', '--format', 'json', 'rocky9.groovy')

        then:
        result.exitCode == 1
        result.stderr == ''
        new JsonSlurper().parseText(result.stdout) == [
                schema: 'relengine.diagnostics/1',
                files : [[file: 'rocky9.groovy', ok: false, errors: 1, warnings: 0, diagnostics: [
                        [severity: 'error', code: 'R104', file: 'rocky9.groovy', line: 21, column: 57, length: 5,
                         message : 'unknown option `hashd` for `source`', hint: 'did you mean `hashed`?', related: []]]]]]
    }

    def "#mistakes: every one is reported in one run, in line order"() {
        given:
        Cli.copyRecipe(dir, 'rocky9.groovy', edits)

        when:
        def text = Cli.run(dir: dir, 'validate', 'rocky9.groovy')
        def json = Cli.run(dir: dir, 'validate', '--format', 'json', 'rocky9.groovy')
        def diagnostics = new JsonSlurper().parseText(json.stdout).files[0].diagnostics

        then:
        text.exitCode == 1
        diagnosticLines(text.stdout) == expected
        text.stdoutLines.last() == 'rocky9.groovy: 3 errors'
        text.stackTraceMarkers == []

        and:
        json.exitCode == 1
        diagnostics.collect { "rocky9.groovy:$it.line:$it.column: error: $it.message [$it.code]".toString() } == expected

        where:
        mistakes << ['three mistakes in the text', 'three mistakes in the meaning']
        edits << [
                ['squashfsOnly: true': "squashfsOnly: 'yes'", 'hashed: true': 'hashd: true', "repo 'RT',": "repoo 'RT',"],
                ["def owner     = '10004:10005'": "def owner     = '10004-10005'",
                 "closure: ['BaseOS'], comps": "closure: ['BaseOs'], comps", "rc: 'RC2'": "rc: 'rc2'"],
        ]
        expected << [
                ['rocky9.groovy:21:57: error: unknown option `hashd` for `source` [R104]',
                 'rocky9.groovy:43:5: error: unknown keyword `repoo` in `repos { … }` [R102]',
                 "rocky9.groovy:53:57: error: option `squashfsOnly` of `lorax` must be true or false, not the string 'yes' [R106]"],
                ["rocky9.groovy:12:17: error: malformed owner `10004-10005`: write uid:gid, e.g. '10004:10005' [R318]",
                 'rocky9.groovy:15:60: error: malformed RC level `rc2`: write RC1, BETA1 or LH1 [R304]',
                 'rocky9.groovy:39:40: error: the closure of repo `AppStream` names repo `BaseOs`, which is not declared [R308]'],
        ]
    }

    def "every recipe on the command line is checked, also after a broken or missing one"() {
        given:
        Path broken = Cli.copyRecipe(dir, 'rocky9.groovy', OPTION, 'broken.groovy')

        when:
        def result = Cli.run('validate', broken.toString(), 'recipes/rocky9.groovy', 'nosuch.groovy')

        then:
        result.exitCode == 1
        diagnosticLines(result.stdout) == [
                "$broken:21:57: error: unknown option `hashd` for `source` [R104]".toString(),
                'nosuch.groovy:1:1: error: cannot read recipe `nosuch.groovy`: no such file [R100]']
        result.stdoutLines.findAll { !it.startsWith(' ') && (it.endsWith(': ok') || it ==~ /.*: \d+ errors?/) } == [
                "$broken: 1 error".toString(), 'recipes/rocky9.groovy: ok', 'nosuch.groovy: 1 error']
        result.stderr == ''
    }

    def "#args on a recipe that cannot be read: exit 1, the file named, no stack trace"() {
        when:
        def result = Cli.run(*args)
        String report = stream == 'stdout' ? result.stdout : result.stderr

        then:
        result.exitCode == 1
        report.readLines().first() == "$file:1:1: error: cannot read recipe `$file`: $reason [R100]".toString()
        report.readLines().last() == "$file: 1 error".toString()
        (stream == 'stdout' ? result.stderr : result.stdout) == ''
        result.stackTraceMarkers == []

        where:
        args                                | stream   | file            | reason
        ['validate', 'nosuch.groovy']       | 'stdout' | 'nosuch.groovy' | 'no such file'
        ['show', 'nosuch.groovy']           | 'stderr' | 'nosuch.groovy' | 'no such file'
        ['validate', 'recipes']             | 'stdout' | 'recipes'       | 'it is a directory'
    }

    def "--format json on a missing recipe"() {
        when:
        def result = Cli.run('validate', '--format', 'json', 'nosuch.groovy')

        then:
        result.exitCode == 1
        result.stderr == ''
        new JsonSlurper().parseText(result.stdout) == [
                schema: 'relengine.diagnostics/1',
                files : [[file: 'nosuch.groovy', ok: false, errors: 1, warnings: 0, diagnostics: [
                        [severity: 'error', code: 'R100', file: 'nosuch.groovy', line: 1, column: 1, length: 1,
                         message : 'cannot read recipe `nosuch.groovy`: no such file', hint: null, related: []]]]]]
    }

    def "a misspelt include is reported at the include's line and column, with the recipe that exists as hint"() {
        given:
        Cli.copyRecipe(dir, 'rocky9.groovy')
        Cli.copyRecipe(dir, 'rocky9-beta.groovy', ["include 'rocky9.groovy'": "include 'rocky-9.groovy'"])

        when:
        def result = Cli.run(dir: dir, 'validate', 'rocky9-beta.groovy')

        then:
        result.exitCode == 1
        result.stdoutLines.take(5) == [
                'rocky9-beta.groovy:2:9: error: included recipe `rocky-9.groovy` does not exist [R201]',
                '1 | // Rocky Linux 9 beta: the next minor release, served from staging only.',
                "2 | include 'rocky-9.groovy'",
                '  |         ^~~~~~~~~~~~~~~~',
                '  = hint: did you mean `rocky9.groovy`?',
        ]
        result.stderr == ''
        result.stackTraceMarkers == []
    }

    def "a missing include is the only error reported: the recipe's `remove`s of inherited declarations do not cascade"() {
        given:
        Cli.copyRecipe(dir, 'rocky9.groovy')
        Cli.copyRecipe(dir, 'rocky9-beta.groovy', ["include 'rocky9.groovy'": "include 'rocky-9.groovy'"])

        when:
        def result = Cli.run(dir: dir, 'validate', 'rocky9-beta.groovy')

        then:
        result.exitCode == 1
        diagnosticLines(result.stdout) ==
                ['rocky9-beta.groovy:2:9: error: included recipe `rocky-9.groovy` does not exist [R201]']
        result.stdoutLines.last() == 'rocky9-beta.groovy: 1 error'
    }

    def "a missing include two levels down is reported at the include's line in the included file"() {
        given:
        Cli.writeRecipe(dir, 'site.groovy', "include 'base.groovy'\n")
        Cli.writeRecipe(dir, 'base.groovy', "// the base of every site recipe\ninclude 'gone.groovy'\n")

        when:
        def result = Cli.run(dir: dir, 'validate', 'site.groovy')

        then:
        result.exitCode == 1
        diagnosticLines(result.stdout) == ['base.groovy:2:9: error: included recipe `gone.groovy` does not exist [R201]']
        result.stdoutLines.last() == 'site.groovy: 1 error'
        result.stackTraceMarkers == []
    }

    def "the did-you-mean of a missing include never proposes a recipe of the include chain (#files.keySet())"() {
        given:
        files.each { name, text -> Cli.writeRecipe(dir, name, text) }

        when:
        def result = Cli.run(dir: dir, 'validate', 'site.groovy')

        then:
        result.exitCode == 1
        diagnosticLines(result.stdout).size() == 1
        !result.stdoutLines.any { it.startsWith('  = hint:') }

        where:
        files << [
                ['site.groovy': "include 'base.groovy'\n"],
                ['site.groovy': "include 'base.groovy'\n", 'base.groovy': "include 'gone.groovy'\n"],
        ]
    }

    def "no colour without a terminal, even when TERM could show it"() {
        when:
        def result = validateCopy('option', OPTION)    // Cli runs every command with TERM=xterm-256color

        then:
        result.exitCode == 1
        !result.stdout.contains('\u001b')
        !result.stderr.contains('\u001b')
    }

    def "--format json is UTF-8 whatever the locale (#locale)"() {
        given:
        Cli.copyRecipe(dir, 'rocky9.groovy', KEYWORD)

        when:
        def result = Cli.run(dir: dir, env: [LANG: null, LC_ALL: locale, LC_CTYPE: null],
                'validate', '--format', 'json', 'rocky9.groovy')
        def json = new JsonSlurper().parseText(result.stdout)

        then:
        result.exitCode == 1
        json.files[0].diagnostics[0].message == 'unknown keyword `repoo` in `repos { … }`'

        where:
        locale << ['C.UTF-8', 'C']
    }

    /**
     * {@code relengine validate OPTIONS rocky9.groovy} on a copy of rocky9.groovy with {@code edits}, in a
     * directory of its own named {@code name}; the run is made once and shared by the features that need it.
     */
    private Cli.Result validateCopy(String name, Map<String, String> edits, String... options) {
        runs.computeIfAbsent(([name] + (options as List)).join(' ')) {
            Path copyDir = shared.resolve(name.replace(' ', '-'))
            if (!Files.exists(copyDir.resolve('rocky9.groovy'))) {
                Cli.copyRecipe(copyDir, 'rocky9.groovy', edits)
            }
            Cli.run(dir: copyDir, 'validate', *options, 'rocky9.groovy')
        }
    }
}
