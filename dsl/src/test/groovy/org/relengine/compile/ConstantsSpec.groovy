package org.relengine.compile

import java.nio.file.Path
import org.relengine.model.Step
import spock.lang.Specification
import spock.lang.TempDir

/**
 * Named constants: `def core = ['BaseOS', 'AppStream']` at the top level, used by name in any value, joined with
 * `+`, interpolated with "${…}" together with the release's fields. Each form gives the model the value written
 * out would give; each mistake and each construct that would compute more is reported at its line and column.
 */
class ConstantsSpec extends Specification implements RecipeFixture {

    @TempDir
    Path dir

    /** The baseline recipe with its lines replaced and constant definitions put before it (lines 1, 2…). */
    static String withConstants(List<String> definitions, Map<Integer, String> edits = [:]) {
        (definitions + baselineWith(edits).split('\n').toList()).join('\n') + '\n'
    }

    def "#form gives the value written out would give"() {
        when:
        def result = load(withConstants(definitions, edits))

        then:
        result.diagnostics().all().findAll { it.isError() } == []
        read(result.recipe()) == expected

        where:
        form                                  | definitions                                                  | edits                                                                         | read                                                                     || expected
        'a string'                            | ["def project = 'e285fe05'"]                                 | [3: "source peridot, url: 'https://y.example/v1', project: project"]         | { it.sources()[0].project() }                                            || 'e285fe05'
        'a list'                              | ["def core = ['BaseOS', 'AppStream']"]                       | [8: "    repo 'RT', arches: ['x86_64', 'aarch64'], closure: core"]            | { it.repos().find { it.name() == 'RT' }.closure() }                      || ['BaseOS', 'AppStream']
        'a map'                               | ["def multilib = [x86_64: ['i686']]"]                        | [2: "arches 'x86_64', 'aarch64', 'ppc64le', 's390x', multilib: multilib"]     | { it.multilib() }                                                        || [x86_64: ['i686']]
        'a number'                            | ['def size = 4']                                             | [12: "    image 'dvd', repos: ['BaseOS', 'AppStream']; lorax repos: ['BaseOS'], rootfsSize: size"] | { it.lorax().rootfsSize() }                                  || 4
        'true or false'                       | ['def strict = false']                                       | [4: "gpg check: strict, url: 'https://example.org/keys/', keys: ['RPM-GPG-KEY-Rocky-9']"] | { it.gpg().check() }                                      || false
        'a bare word'                         | ['def where = podman']                                       | [18: '    extras \'dvd\', on: where']                                        | { it.compose().find { it instanceof Step.Extras }.on().name() }    || 'PODMAN'
        'a list joined to a list'             | ["def core = ['BaseOS']"]                                    | [8: "    repo 'RT', arches: ['x86_64', 'aarch64'], closure: core + ['AppStream']"] | { it.repos().find { it.name() == 'RT' }.closure() }                  || ['BaseOS', 'AppStream']
        'a string joined to a string'         | ["def host = 'https://y.example'"]                            | [3: "source peridot, url: host + '/v1', project: 'p'"]                        | { it.sources()[0].url() }                                                || 'https://y.example/v1'
        'a constant of constants'             | ["def core = ['BaseOS']", "def more = core + ['AppStream']"] | [8: "    repo 'RT', arches: ['x86_64', 'aarch64'], closure: more"]            | { it.repos().find { it.name() == 'RT' }.closure() }                      || ['BaseOS', 'AppStream']
        'a constant used before it is defined' | []                                                          | [3: "source peridot, url: 'https://y.example/v1', project: project", 24: "}\ndef project = 'late'"] | { it.sources()[0].project() }                          || 'late'
        'a constant in a list'                | ["def base = 'BaseOS'"]                                      | [8: "    repo 'RT', arches: ['x86_64', 'aarch64'], closure: [base, 'AppStream']"] | { it.repos().find { it.name() == 'RT' }.closure() }                  || ['BaseOS', 'AppStream']
        'a constant in a map'                 | ["def extra = ['i686']"]                                     | [2: "arches 'x86_64', 'aarch64', 'ppc64le', 's390x', multilib: [x86_64: extra]"] | { it.multilib() }                                                     || [x86_64: ['i686']]
        '"${…}" of a constant'                | ["def host = 'y.example'"]                                   | [3: 'source peridot, url: "https://${host}/v1", project: \'p\'']             | { it.sources()[0].url() }                                                || 'https://y.example/v1'
        '"$name" of a constant'               | ["def host = 'y.example'"]                                   | [3: 'source peridot, url: "https://$host/v1", project: \'p\'']               | { it.sources()[0].url() }                                                || 'https://y.example/v1'
        '"${…}" of a number'                  | ['def size = 4']                                             | [3: 'source peridot, url: "https://y.example/v${size}", project: \'p\'']     | { it.sources()[0].url() }                                                || 'https://y.example/v4'
        'release.major and release.minor'     | []                                                           | [3: 'source peridot, url: "https://y.example/${release.major}_${release.minor}", project: \'p\''] | { it.sources()[0].url() }                      || 'https://y.example/9_5'
        'release.version and release.rc'      | []                                                           | [3: 'source peridot, url: "https://y.example/${release.version}-${release.rc}", project: \'p\''] | { it.sources()[0].url() }                       || 'https://y.example/9.5-RC1'
        'release.name, short and code'        | []                                                           | [3: 'source peridot, url: "https://y.example/${release.name}/${release.short}/${release.code}", project: \'p\''] | { it.sources()[0].url() } || 'https://y.example/Rocky Linux/Rocky/Blue Onyx'
        'release.short when none is declared' | []                                                           | [1: "release 'Rocky Linux', version: '9.5', rc: 'RC1'", 3: 'source peridot, url: "https://y.example/${release.short}", project: \'p\''] | { it.sources()[0].url() } || 'https://y.example/Rocky'
        'a release field in a constant'       | ['def notes = "https://docs.example/${release.major}_${release.minor}/"'] | [23: "    production delete: true, exclude: ['devel']\n    torrents announce: ['udp://t.example:1/announce'], comment: notes"] | { it.publish().find { it instanceof Step.Torrents }.comment() } || 'https://docs.example/9_5/'
        'a constant in the release'           | ["def version = '9.6'"]                                      | [1: "release 'Rocky Linux', short: 'Rocky', version: version, rc: 'RC1'"]    | { it.release().version() }                                               || '9.6'
    }

    def "an including recipe's constant replaces its include's, also where the include uses it"() {
        given:
        writeRecipes(dir, ['base.groovy': withConstants(["def project = 'base-project'", "def core = ['BaseOS', 'AppStream']"],
                [3: "source peridot, url: 'https://y.example/v1', project: project",
                 8: "    repo 'RT', arches: ['x86_64', 'aarch64'], closure: core"]),
                           'site.groovy': "include 'base.groovy'\n\ndef project = 'site-project'\n"])

        when:
        def site = Recipes.load(dir.resolve('site.groovy'))
        def base = Recipes.load(dir.resolve('base.groovy'))

        then:
        site.ok() && base.ok()
        site.recipe().sources()[0].project() == 'site-project'
        base.recipe().sources()[0].project() == 'base-project'
        site.recipe().repos().find { it.name() == 'RT' }.closure() == ['BaseOS', 'AppStream']

        and: 'neither definition is unused: the include uses the name'
        site.diagnostics().all() == []
    }

    def "an include may use a constant only its including recipe defines"() {
        given:
        writeRecipes(dir, ['base.groovy': baselineWith(3, "source peridot, url: 'https://y.example/v1', project: project"),
                           'site.groovy': "include 'base.groovy'\ndef project = 'site-project'\n"])

        expect:
        Recipes.load(dir.resolve('site.groovy')).recipe().sources()[0].project() == 'site-project'
    }

    def "#mistake is reported at #line:#column"() {
        when:
        def result = load(text)
        def first = result.diagnostics().all().find { it.severity().name() == severity }

        then:
        first != null
        [first.at().line(), first.at().column()] == [line, column]
        first.code() == code
        first.message() == message
        first.hint() == hint

        where:
        mistake                                | text                                                                                                    || severity  | line | column | code   | message                                                                                   | hint
        // what a constant may not be
        'a loop over a constant'               | withConstants(["def core = ['BaseOS']", 'for (r in core) { }'])                                         || 'ERROR'   | 2    | 1      | 'R112' | 'a loop is not allowed in a recipe'                                                       | 'a recipe only declares: it cannot run processes, read or write files, reach the network or exit'
        'a condition'                          | withConstants(["def rc = true ? 'RC1' : 'RC2'"])                                                        || 'ERROR'   | 1    | 10     | 'R112' | "`true ? 'RC1' : 'RC2'` is not allowed in a recipe"                                      | 'a recipe only declares: it cannot run processes, read or write files, reach the network or exit'
        'an if'                                | withConstants(["def core = ['BaseOS']", "if (core) { }"])                                               || 'ERROR'   | 2    | 1      | 'R112' | 'a condition is not allowed in a recipe'                                                  | 'a recipe only declares: it cannot run processes, read or write files, reach the network or exit'
        'a method call on a constant'          | withConstants(["def core = ['BaseOS']", "def joined = core.join(',')"])                                 || 'ERROR'   | 2    | 19     | 'R112' | 'calling `core.join(…)` is not allowed in a recipe'                                      | 'a recipe only declares: it cannot run processes, read or write files, reach the network or exit'
        'a method call in "${…}"'              | withConstants(['def url = "https://${System.getenv(\'HOST\')}/"'])                                      || 'ERROR'   | 1    | 29     | 'R112' | 'calling `System.getenv(…)` is not allowed in a recipe'                                  | 'a recipe only declares: it cannot run processes, read or write files, reach the network or exit'
        'a closure as a value'                 | withConstants(["def later = { 'BaseOS' }"])                                                             || 'ERROR'   | 1    | 13     | 'R112' | 'a block `{ … }` here is not allowed in a recipe'                                         | 'blocks follow `repos`, `images`, `compose` and `publish`'
        'a closure in "${…}"'                  | withConstants(['def later = "${-> \'BaseOS\'}"'])                                                       || 'ERROR'   | 1    | 15     | 'R112' | 'a block `{ … }` here is not allowed in a recipe'                                         | 'blocks follow `repos`, `images`, `compose` and `publish`'
        '`new`'                                | withConstants(["def file = new File('/etc/passwd')"])                                                  || 'ERROR'   | 1    | 12     | 'R112' | 'creating an object (`new File(…)`) is not allowed in a recipe'                          | 'a recipe only declares: it cannot run processes, read or write files, reach the network or exit'
        'a property of a constant'             | withConstants(["def core = ['BaseOS']", 'def size = core.size'])                                        || 'ERROR'   | 2    | 12     | 'R112' | 'reading `core.size` is not allowed in a recipe'                                          | 'a recipe only declares: it cannot run processes, read or write files, reach the network or exit'
        'a property of a class'                | withConstants(['def home = System.env'])                                                                || 'ERROR'   | 1    | 12     | 'R112' | 'reading `System.env` is not allowed in a recipe'                                         | 'a recipe only declares: it cannot run processes, read or write files, reach the network or exit'
        'another operator'                     | withConstants(["def core = ['BaseOS', 'AppStream'] - ['AppStream']"])                                   || 'ERROR'   | 1    | 12     | 'R112' | "an expression (`['BaseOS', 'AppStream'] - ['AppStream']`) is not allowed in a recipe"   | 'a value is computed only with `+` of lists or strings and with "${…}" of constants'
        'a typed constant'                     | withConstants(["String project = 'p'"])                                                                 || 'ERROR'   | 1    | 1      | 'R112' | 'a typed variable (`String project`) is not allowed in a recipe'                         | 'a constant is written `def project = …`'
        'a constant without a value'           | withConstants(['def project'])                                                                          || 'ERROR'   | 1    | 1      | 'R112' | 'a constant without a value (`def project`) is not allowed in a recipe'                  | 'give it its value where it is defined: def project = …'
        'several at once'                      | withConstants(["def (a, b) = ['x', 'y']"])                                                              || 'ERROR'   | 1    | 1      | 'R112' | 'a declaration of several variables is not allowed in a recipe'                          | 'define one constant per `def`'
        'an assignment'                        | withConstants(["def core = ['BaseOS']", "core = ['AppStream']"])                                        || 'ERROR'   | 2    | 1      | 'R112' | 'an assignment (`core = …`) is not allowed in a recipe'                                  | 'a recipe only declares: it cannot run processes, read or write files, reach the network or exit'
        'a constant inside a block'            | baselineWith(9, "    def core = ['BaseOS']")                                                            || 'ERROR'   | 9    | 9      | 'R117' | 'constant `core` is defined in `repos { … }`; constants are defined at the top level'    | 'move it to the top of the recipe, after its includes'
        'a bare word as a name'                | withConstants(["def all = ['x86_64']"])                                                                 || 'ERROR'   | 1    | 5      | 'R118' | '`all` cannot name a constant: it is a bare word of the recipe language'                  | 'choose another name'
        '`release` as a name'                  | withConstants(["def release = '9.5'"])                                                                  || 'ERROR'   | 1    | 5      | 'R118' | '`release` cannot name a constant: it is the release, whose fields are read as `release.version`' | 'choose another name'
        // using constants
        'an unknown constant, one near'        | withConstants(["def core = ['BaseOS']"], [8: "    repo 'RT', arches: ['x86_64', 'aarch64'], closure: cor"]) || 'ERROR' | 9 | 56 | 'R110' | 'unknown name `cor`'                                                                   | 'did you mean `core`?'
        'an unknown name, nothing near'        | baselineWith(8, "    repo 'RT', arches: ['x86_64', 'aarch64'], closure: AppStream")                     || 'ERROR'   | 8    | 56     | 'R110' | 'unknown name `AppStream`'                                                                | "strings are written in quotes: 'AppStream'"
        'a misspelt bare word'                 | baselineWith(15, '    sync from: peridott, delete: true')                                               || 'ERROR'   | 15   | 16     | 'R110' | 'unknown name `peridott`'                                                                 | 'did you mean `peridot`?'
        'a constant of the wrong type'         | withConstants(["def project = ['p']"], [3: "source peridot, url: 'https://y.example/v1', project: project"]) || 'ERROR' | 4 | 55 | 'R106' | "option `project` of `source` must be a string, e.g. 'BaseOS', not a list"                    | null
        'a name computed'                      | withConstants(["def rt = 'RT'"], [8: "    repo rt, arches: ['x86_64', 'aarch64']"])                    || 'ERROR'   | 9    | 10     | 'R125' | 'the name of `repo` is written out, not computed'                                        | 'an including recipe overrides and removes declarations by their names: write it as a string'
        'a cycle'                              | withConstants(['def a = b', 'def b = [a]'], [8: "    repo 'RT', arches: ['x86_64', 'aarch64'], closure: a"]) || 'ERROR' | 1 | 5 | 'R119' | 'constant `a` is defined through itself: a → b → a'                                | 'give one of them its value'
        'a list joined to a string'            | withConstants(["def core = ['BaseOS']"], [8: "    repo 'RT', arches: ['x86_64', 'aarch64'], closure: core + 'AppStream'"]) || 'ERROR' | 9 | 56 | 'R120' | '`+` joins two lists or two strings, not a list and the string \'AppStream\'' | "put the string in a list: ['AppStream']"
        'a list put into a string'             | withConstants(["def core = ['BaseOS']", 'def url = "https://y.example/${core}"'])                       || 'ERROR'   | 2    | 32     | 'R121' | '`core` (a list) cannot be put into a string: only strings and numbers can'              | 'interpolate strings and numbers; a list is joined to another with `+`'
        'an unknown release field'             | withConstants(['def url = "https://y.example/${release.majr}"'])                                        || 'ERROR'   | 1    | 40     | 'R122' | 'the release has no field `majr`'                                                         | 'did you mean `major`?'
        'a release field not declared'         | withConstants(['def url = "https://y.example/${release.rc}"'], [1: "release 'Rocky Linux', version: '9.5'"]) || 'ERROR' | 1 | 40 | 'R123' | '`release.rc` is used, but the release declares no `rc`'                          | 'declare it in `release`'
        'release.major of a malformed version' | withConstants(['def url = "https://y.example/${release.major}"'], [1: "release 'Rocky Linux', version: '9.x'"]) || 'ERROR' | 2 | 33 | 'R303' | "malformed version `9.x`: write major.minor, e.g. '9.5'"          | null
        'a release field in the release'       | baselineWith(1, 'release \'Rocky Linux\', short: \'Rocky\', version: \'9.5\', rc: "RC${release.minor}"') || 'ERROR' | 1 | 73 | 'R124' | '`release.minor` is used inside `release` itself'                                  | 'write the value itself, or define a constant and use it in both places'
        'a field of anything but the release'  | withConstants(["def core = ['BaseOS']", 'def url = "https://y.example/${core.first}"'])                 || 'ERROR'   | 2    | 32     | 'R112' | 'reading `core.first` is not allowed in a recipe'                                         | 'a recipe only declares: it cannot run processes, read or write files, reach the network or exit'
        // warnings
        'a constant defined twice'             | withConstants(["def project = 'a'", "def project = 'b'"], [3: "source peridot, url: 'https://y.example/v1', project: project"]) || 'WARNING' | 2 | 5 | 'R126' | 'constant `project` is defined twice in this file; the second value is used' | 'keep one definition'
        'a constant never used'                | withConstants(["def project = 'a'"])                                                                    || 'WARNING' | 1    | 5      | 'R127' | 'constant `project` is never used'                                                        | 'use it, or remove its definition'
    }

    def "an unknown arch inside `core + [...]` is reported at the element that is wrong, in the use or in the definition"() {
        when:
        def errors = errors(withConstants(["def four = ['x86_64', 'aarch64', 'ppc64le', 's39x']"],
                [8: "    repo 'RT', arches: ['x86_64'] + ['aarch46'], closure: ['BaseOS', 'AppStream']",
                 9: "    repo 'devel', from: 'all', multilib: true, arches: four"]))

        then:
        errors.collect { "${it.at().line()}:${it.at().column()} ${it.message()}".toString() } ==
                ["1:45 unknown arch `s39x`", "9:38 unknown arch `aarch46`"]
    }

    def "a constant defined twice keeps its later value and points at the first definition"() {
        when:
        def result = load(withConstants(["def project = 'a'", "def project = 'b'"],
                [3: "source peridot, url: 'https://y.example/v1', project: project"]))

        then:
        result.ok()
        result.recipe().sources()[0].project() == 'b'
        result.diagnostics().all()*.related().flatten()*.at()*.line() == [1]
    }

    def "constants of a file whose include cannot be read are not reported as unknown"() {
        when:
        def errors = errors("include 'missing.groovy'\nrelease 'Rocky Linux', version: project\n")

        then:
        errors*.code() == ['R201']
    }
}
