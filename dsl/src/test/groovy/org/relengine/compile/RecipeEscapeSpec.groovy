package org.relengine.compile

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * A recipe only declares. Whatever tries to do something instead (run a process, touch a file, exit,
 * reflect, change how the recipe is compiled, evaluate code) is reported at its position, before any of
 * it could run, and no model is built.
 *
 * <p>Escapes that would create a file if they ever ran write a marker named {@code escape-…} into a fresh
 * temporary directory, written {@code @TMP@} in the recipe text: the marker never appears and the directory
 * stays empty. Each is written so that the directory's path lies after the reported column and outside the
 * message, so that positions and messages do not depend on where the directory is.
 *
 */
class RecipeEscapeSpec extends Specification implements RecipeFixture {

    /** Stands for the temporary directory in recipe text; replaced before the recipe is loaded. */
    static final String TMP = '@TMP@'

    /** A process a recipe started would need a moment to create its marker: wait that long before looking. */
    static final long PROCESS_GRACE_MS = 200

    @TempDir
    Path tmp

    def "#attempt is rejected before anything runs"() {
        when:
        def result = load(recipe.replace(TMP, tmp.toString()))
        def first = result.diagnostics().all().find { it.isError() }

        then: "the first error is the escape, at its position"
        first != null
        first.code() == code
        first.at().line() == line
        first.at().column() == column
        first.message() == message

        and: "no model is built"
        !result.ok()
        result.recipe() == null

        and: "nothing ran"
        marker == null || neverCreated(marker)
        tmp.toFile().list() as List == []

        where:
        attempt                                      | recipe                                                                                                                                     || code   | line | column | message                                                                             | marker
        // running a process
        "String.execute()"                           | appended("'touch escape-1'.execute(null, new File('@TMP@'))")                                                                            || 'R112' | 25   | 18     | 'calling `\'touch escape-1\'.execute(…)` is not allowed in a recipe'                    | 'escape-1'
        "['sh', '-c', …].execute()"                  | appended("['sh', '-c', 'touch escape-2'].execute(null, new File('@TMP@'))")                                                              || 'R112' | 25   | 32     | 'calling `[\'sh\', \'-c\', \'touch escape-2\'].execute(…)` is not allowed in a recipe'          | 'escape-2'
        "Runtime.getRuntime().exec()"                | appended("Runtime.getRuntime().exec('touch escape-3', null, new File('@TMP@'))")                                                         || 'R112' | 25   | 22     | 'calling `Runtime.getRuntime(…).exec(…)` is not allowed in a recipe'                 | 'escape-3'
        "new ProcessBuilder(…).start()"              | appended("new ProcessBuilder('touch', 'escape-4')", "    .directory(new File('@TMP@'))", "    .start()")                                  || 'R112' | 27   | 6      | 'calling `new ProcessBuilder(…).directory(…).start(…)` is not allowed in a recipe' | 'escape-4'
        // reading and writing files
        "new File(…).text"                           | baselineWith(1, "release 'Rocky Linux', short: 'Rocky', version: '9.5', rc: 'RC1', code: new File('/etc/hostname').text")               || 'R112' | 1    | 73     | 'reading `new File(…).text` is not allowed in a recipe'                 | null
        "new java.io.File(…).text"                   | baselineWith(4, "gpg check: true, url: new java.io.File('/etc/hostname').text, keys: ['RPM-GPG-KEY-Rocky-9']")                          || 'R112' | 4    | 23     | 'reading `new File(…).text` is not allowed in a recipe'         | null
        "Paths.get(…).text"                          | baselineWith(1, "release 'Rocky Linux', short: 'Rocky', version: '9.5', rc: 'RC1', code: Paths.get('/etc/hostname').text")              || 'R112' | 1    | 73     | 'reading `Paths.get(…).text` is not allowed in a recipe'                | null
        "Files.createFile(Paths.get(…))"             | appended("java.nio.file.Files.createFile(java.nio.file.Paths.get('@TMP@', 'escape-8'))")                                                 || 'R112' | 25   | 21     | 'calling `java.nio.file.Files.createFile(…)` is not allowed in a recipe'            | 'escape-8'
        // the JVM and its environment
        "System.exit(1)"                             | appended("System.exit(1)")                                                                                                               || 'R112' | 25   | 8      | 'calling `System.exit(…)` is not allowed in a recipe'                               | null
        "System.getenv(…) as an option value"        | baselineWith(1, "release 'Rocky Linux', short: 'Rocky', version: '9.5', rc: 'RC1', code: System.getenv('HOME')")                        || 'R112' | 1    | 80     | 'calling `System.getenv(…)` is not allowed in a recipe'                             | null
        // reflection
        "Class.forName('java.lang.Runtime')"         | appended("Class.forName('java.lang.Runtime')")                                                                                           || 'R112' | 25   | 7      | 'calling `Class.forName(…)` is not allowed in a recipe'                             | null
        "Class.forName(…).getRuntime().exec()"       | appended("Class.forName('java.lang.Runtime').getRuntime().exec('touch escape-12', null, new File('@TMP@'))")                             || 'R112' | 25   | 49     | 'calling `Class.forName(…).getRuntime(…).exec(…)` is not allowed in a recipe' | 'escape-12'
        "a string-built class name"                  | appended("Class.forName('java.lang.' + 'Runtime')")                                                                                      || 'R112' | 25   | 7      | 'calling `Class.forName(…)` is not allowed in a recipe'                             | null
        "this.class.classLoader"                     | appended("this.class.classLoader")                                                                                                       || 'R112' | 25   | 1      | 'reading `this.class.classLoader` is not allowed in a recipe'                       | null
        "getClass().forName(…)"                      | appended("getClass().forName('java.lang.Runtime')")                                                                                      || 'R112' | 25   | 12     | 'calling `getClass(…).forName(…)` is not allowed in a recipe'                   | null
        "a metaClass method, then a call"            | appended("String.metaClass.pwn = { -> 'touch escape-16'.execute(null, new File('@TMP@')) }", "'x'.pwn()")                                || 'R112' | 25   | 1      | 'an assignment (`String.metaClass.pwn = …`) is not allowed in a recipe'             | 'escape-16'
        // changing how the recipe is compiled
        "@Grab on an import"                         | prepended("@Grab('org.example:evil:1.0') import org.example.Evil")                                                                       || 'R112' | 1    | 1      | 'the annotation `@Grab` is not allowed in a recipe'                                 | null
        "@groovy.transform.ASTTest"                  | appended("@groovy.transform.ASTTest(value = { 'touch escape-18'.execute(null, new File('@TMP@')) }) def x = 1")                          || 'R112' | 25   | 1      | 'the annotation `@ASTTest` is not allowed in a recipe'                              | 'escape-18'
        "import"                                     | prepended("import java.nio.file.Files")                                                                                                  || 'R112' | 1    | 1      | '`import` is not allowed in a recipe'                                               | null
        "import static"                              | prepended("import static java.lang.Runtime.getRuntime")                                                                                  || 'R112' | 1    | 1      | '`import` is not allowed in a recipe'                                               | null
        // defining code
        "a class"                                    | appended("class Escape { }")                                                                                                             || 'R112' | 25   | 1      | 'a class definition (`Escape`) is not allowed in a recipe'                          | null
        "a class with a static initializer"          | appended("class Escape { static { 'touch escape-22'.execute(null, new File('@TMP@')) } }", "new Escape()")                               || 'R112' | 25   | 1      | 'a class definition (`Escape`) is not allowed in a recipe'                          | 'escape-22'
        "a trait with a static initializer"          | appended("trait Escape { static { Runtime.runtime.exec('touch escape-23', null, new File('@TMP@')) } }", "class Pwn implements Escape { }", "new Pwn()") || 'R112' | 25 | 1 | 'a class definition (`Escape`) is not allowed in a recipe'                  | 'escape-23'
        "a record with a static initializer"         | appended("record Escape(String cmd) { static { Runtime.runtime.exec('touch escape-24', null, new File('@TMP@')) } }", "new Escape('x')") || 'R112' | 25   | 1      | 'a class definition (`Escape`) is not allowed in a recipe'                          | 'escape-24'
        "an anonymous class with an initializer"     | appended("new Object() { { 'touch escape-25'.execute(null, new File('@TMP@')) } }")                                                      || 'R112' | 25   | 1      | 'creating an object (`new Object(…)`) is not allowed in a recipe'                   | 'escape-25'
        "a method"                                   | appended("def pwn() { 'touch escape-26'.execute(null, new File('@TMP@')) }", "pwn()")                                                    || 'R112' | 25   | 1      | 'a method definition (`pwn`) is not allowed in a recipe'                            | 'escape-26'
        "a variable, then a call on it"              | appended("def cmd = 'touch escape-27'", "cmd.execute(null, new File('@TMP@'))")                                                          || 'R112' | 26   | 5      | 'calling `cmd.execute(…)` is not allowed in a recipe'                               | 'escape-27'
        "a condition"                                | appended("if (true) { 'touch escape-28'.execute(null, new File('@TMP@')) }")                                                             || 'R112' | 25   | 1      | 'a condition is not allowed in a recipe'                                            | 'escape-28'
        // evaluating code
        "evaluate('…')"                              | appended("evaluate('\"touch escape-29\".execute(null, new File(\"@TMP@\"))')")                                                           || 'R102' | 25   | 1      | 'unknown keyword `evaluate` in a recipe'                                            | 'escape-29'
        "Eval.me('…')"                               | appended("Eval.me('\"touch escape-30\".execute(null, new File(\"@TMP@\"))')")                                                            || 'R112' | 25   | 6      | 'calling `Eval.me(…)` is not allowed in a recipe'                                   | 'escape-30'
        "a method named by a GString"                | appended('''"${'evaluate'}"('"touch escape-31".execute(null, new File("@TMP@"))')''')                                                    || 'R112' | 25   | 1      | 'calling `"${\'evaluate\'}"(…)` is not allowed in a recipe'                               | 'escape-31'
        "a GString option value"                     | baselineWith(1, '''release 'Rocky Linux', short: 'Rocky', version: '9.5', rc: 'RC1', code: "${'touch escape-32'.execute(null, new File('@TMP@'))}"''') || 'R112' | 1 | 94 | 'calling `\'touch escape-32\'.execute(…)` is not allowed in a recipe'             | 'escape-32'
        "a GString include path"                     | prepended('''include "${'touch escape-33'.execute(null, new File('@TMP@'))}.groovy"''')                                                  || 'R112' | 1    | 30     | 'calling `\'touch escape-33\'.execute(…)` is not allowed in a recipe'                | 'escape-33'
        "a method pointer 'x'.&execute"              | baselineWith(1, "release 'Rocky Linux', short: 'Rocky', version: '9.5', rc: 'RC1', code: 'x'.&execute")                                 || 'R112' | 1    | 73     | 'a method reference (`\'x\'.&execute`) is not allowed in a recipe'                      | null
        "calling a closure: ({ … })()"               | appended("({ -> 'touch escape-35'.execute(null, new File('@TMP@')) })()")                                                                || 'R112' | 25   | 1      | 'calling a block `{ … }` is not allowed in a recipe'                          | 'escape-35'
        "calling a closure: ({ … }).call()"          | appended("({ ->", "    'touch escape-36'.execute(null, new File('@TMP@'))", "}).call()")                                                 || 'R112' | 27   | 4      | 'calling a block `{ … }` is not allowed in a recipe'                          | 'escape-36'
        "a closure passed to a method"               | appended("[1].each { 'touch escape-37'.execute(null, new File('@TMP@')) }")                                                              || 'R112' | 25   | 5      | 'calling `[1].each(…)` is not allowed in a recipe'                                  | 'escape-37'
        // nested inside declarations and blocks
        "in an option list inside repos { }"         | baselineWith(8, "    repo 'RT', arches: [System.getenv('A')], closure: ['BaseOS', 'AppStream']")                                           || 'R112' | 8    | 32     | 'calling `System.getenv(…)` is not allowed in a recipe'                             | null
        "in a map option value"                      | baselineWith(2, "arches 'x86_64', 'aarch64', 'ppc64le', 's390x', multilib: [x86_64: [System.getenv('A')]]")                             || 'R112' | 2    | 76     | 'calling `System.getenv(…)` is not allowed in a recipe'                             | null
        "as a computed option name"                  | baselineWith(1, "release 'Rocky Linux', short: 'Rocky', version: '9.5', rc: 'RC1', code: 'Blue Onyx', (System.getenv('A')): 'x'")       || 'R112' | 1    | 94     | 'calling `System.getenv(…)` is not allowed in a recipe'                             | null
        "a GString inside images { }"                | baselineWith(12, '''    image 'dvd', repos: ['BaseOS', "${'touch escape-41'.execute(null, new File('@TMP@'))}"]''')                        || 'R112' | 12   | 57     | 'calling `\'touch escape-41\'.execute(…)` is not allowed in a recipe'                | 'escape-41'
        "a statement inside compose { }"             | baselineWith(17, "    'touch escape-42'.execute(null, new File('@TMP@'))")                                                                 || 'R112' | 17   | 23     | 'calling `\'touch escape-42\'.execute(…)` is not allowed in a recipe'                   | 'escape-42'
        "an option value inside compose { }"         | baselineWith(15, "    sync from: peridot, delete: 'touch escape-43'.execute(null, new File('@TMP@'))")                                      || 'R112' | 15   | 51     | 'calling `\'touch escape-43\'.execute(…)` is not allowed in a recipe'                   | 'escape-43'
        "a block given to unpack inside compose { }" | baselineWith(17, "    unpack { 'touch escape-44'.execute(null, new File('@TMP@')) }")                                                       || 'R109' | 17   | 12     | '`unpack` takes no block'                                                           | 'escape-44'
        "in the first of two blocks of publish"      | baselineWith(22, "    'touch escape-45'.execute(null, new File('@TMP@'))\n} {\n    staging delete: true")                             || 'R112' | 22   | 23     | 'calling `\'touch escape-45\'.execute(…)` is not allowed in a recipe'                   | 'escape-45'
    }

    def "every escape attempt in one recipe is reported, one error each, in one pass"() {
        given: "one attempt per line; the line numbers on the right are the lines of the recipe"
        def recipe = '''\
@Grab('org.example:evil:1.0') import org.example.Evil
import static java.lang.Runtime.getRuntime
release 'Rocky Linux', short: 'Rocky', version: '9.5', rc: 'RC1', code: "${'touch escape-3'.execute(null, new File('@TMP@'))}"
arches 'x86_64', 'aarch64', 'ppc64le', 's390x', multilib: [x86_64: [System.getenv('A')]]
source peridot, url: 'https://yumrepofs.build.resf.org/v1/projects', project: 'e285fe05', hashed: true
gpg check: true, url: new java.io.File('/etc/hostname').text, keys: ['RPM-GPG-KEY-Rocky-9']
repos {
    repo 'BaseOS', closure: true, (System.getenv('A')): 'x'
    repo 'AppStream', closure: ['BaseOS'], from: Paths.get('/etc/hostname').text
    repo 'RT', arches: [System.getenv('A')], closure: ['BaseOS', 'AppStream']
    repo 'devel', from: new File('/etc/hostname').text, multilib: true
}
images {
    image 'dvd', repos: ['BaseOS', "${'touch escape-14'.execute(null, new File('@TMP@'))}"]
}
compose {
    sync from: peridot, delete: 'touch escape-17'.execute(null, new File('@TMP@'))
    iso arches: all
    unpack { 'touch escape-19'.execute(null, new File('@TMP@')) }
    'touch escape-20'.execute(null, new File('@TMP@'))
    extras 'dvd', on: podman
    finalize()
}
publish {
    'touch escape-25'.execute(null, new File('@TMP@'))
} {
    staging delete: true
    production delete: true, exclude: ['devel']
}
'touch escape-30'.execute(null, new File('@TMP@'))
['sh', '-c', 'touch escape-31'].execute(null, new File('@TMP@'))
Runtime.getRuntime().exec('touch escape-32', null, new File('@TMP@'))
new ProcessBuilder('touch', 'escape-33')
    .directory(new File('@TMP@'))
    .start()
java.nio.file.Files.createFile(java.nio.file.Paths.get('@TMP@', 'escape-36'))
System.exit(1)
Class.forName('java.lang.Runtime').getRuntime().exec('touch escape-38', null, new File('@TMP@'))
Class.forName('java.lang.' + 'Runtime')
this.class.classLoader
getClass().forName('java.lang.Runtime')
String.metaClass.pwn = { -> 'touch escape-42'.execute(null, new File('@TMP@')) }
@groovy.transform.ASTTest(value = { 'touch escape-43'.execute(null, new File('@TMP@')) }) def x = 1
class Escape { static { 'touch escape-44'.execute(null, new File('@TMP@')) } }
trait EscapeTrait { static { Runtime.runtime.exec('touch escape-45', null, new File('@TMP@')) } }
record EscapeRecord(String cmd) { static { Runtime.runtime.exec('touch escape-46', null, new File('@TMP@')) } }
new Object() { { 'touch escape-47'.execute(null, new File('@TMP@')) } }
def pwn() { 'touch escape-48'.execute(null, new File('@TMP@')) }
def cmd = 'touch escape-49'.execute(null, new File('@TMP@'))
if (true) { 'touch escape-50'.execute(null, new File('@TMP@')) }
evaluate('"touch escape-51".execute(null, new File("@TMP@"))')
Eval.me('"touch escape-52".execute(null, new File("@TMP@"))')
"${'evaluate'}"('"touch escape-53".execute(null, new File("@TMP@"))')
'x'.&execute
({ -> 'touch escape-55'.execute(null, new File('@TMP@')) })()
({ ->
    'touch escape-57'.execute(null, new File('@TMP@'))
}).call()
[1].each { 'touch escape-59'.execute(null, new File('@TMP@')) }
'''

        when:
        def result = load(recipe.replace(TMP, tmp.toString()))
        def errors = result.diagnostics().all().findAll { it.isError() }
        sleep(PROCESS_GRACE_MS)

        then: "one error per attempt, in the order of the lines"
        errors.collect { "${it.at().line()}:${it.at().column()} ${it.code()} ${it.message()}".toString() } == [
                '1:1 R112 the annotation `@Grab` is not allowed in a recipe',
                '2:1 R112 `import` is not allowed in a recipe',
                '3:93 R112 calling `\'touch escape-3\'.execute(…)` is not allowed in a recipe',
                '4:76 R112 calling `System.getenv(…)` is not allowed in a recipe',
                '6:23 R112 reading `new File(…).text` is not allowed in a recipe',
                '8:43 R112 calling `System.getenv(…)` is not allowed in a recipe',
                '9:50 R112 reading `Paths.get(…).text` is not allowed in a recipe',
                '10:32 R112 calling `System.getenv(…)` is not allowed in a recipe',
                '11:25 R112 reading `new File(…).text` is not allowed in a recipe',
                '14:57 R112 calling `\'touch escape-14\'.execute(…)` is not allowed in a recipe',
                '17:51 R112 calling `\'touch escape-17\'.execute(…)` is not allowed in a recipe',
                '19:12 R109 `unpack` takes no block',
                '20:23 R112 calling `\'touch escape-20\'.execute(…)` is not allowed in a recipe',
                '25:23 R112 calling `\'touch escape-25\'.execute(…)` is not allowed in a recipe',
                '26:3 R113 `publish` takes one block',
                '30:19 R112 calling `\'touch escape-30\'.execute(…)` is not allowed in a recipe',
                '31:33 R112 calling `[\'sh\', \'-c\', \'touch escape-31\'].execute(…)` is not allowed in a recipe',
                '32:22 R112 calling `Runtime.getRuntime(…).exec(…)` is not allowed in a recipe',
                '35:6 R112 calling `new ProcessBuilder(…).directory(…).start(…)` is not allowed in a recipe',
                '36:21 R112 calling `java.nio.file.Files.createFile(…)` is not allowed in a recipe',
                '37:8 R112 calling `System.exit(…)` is not allowed in a recipe',
                '38:49 R112 calling `Class.forName(…).getRuntime(…).exec(…)` is not allowed in a recipe',
                '39:7 R112 calling `Class.forName(…)` is not allowed in a recipe',
                '40:1 R112 reading `this.class.classLoader` is not allowed in a recipe',
                '41:12 R112 calling `getClass(…).forName(…)` is not allowed in a recipe',
                '42:1 R112 an assignment (`String.metaClass.pwn = …`) is not allowed in a recipe',
                '43:1 R112 the annotation `@ASTTest` is not allowed in a recipe',
                '44:1 R112 a class definition (`Escape`) is not allowed in a recipe',
                '45:1 R112 a class definition (`EscapeTrait`) is not allowed in a recipe',
                '46:1 R112 a class definition (`EscapeRecord`) is not allowed in a recipe',
                '47:1 R112 creating an object (`new Object(…)`) is not allowed in a recipe',
                '48:1 R112 a method definition (`pwn`) is not allowed in a recipe',
                '49:29 R112 calling `\'touch escape-49\'.execute(…)` is not allowed in a recipe',
                '50:1 R112 a condition is not allowed in a recipe',
                '51:1 R102 unknown keyword `evaluate` in a recipe',
                '52:6 R112 calling `Eval.me(…)` is not allowed in a recipe',
                '53:1 R112 calling `"${\'evaluate\'}"(…)` is not allowed in a recipe',
                '54:1 R112 a method reference (`\'x\'.&execute`) is not allowed in a recipe',
                '55:1 R112 calling a block `{ … }` is not allowed in a recipe',
                '58:4 R112 calling a block `{ … }` is not allowed in a recipe',
                '59:5 R112 calling `[1].each(…)` is not allowed in a recipe',
        ]

        and: "no model is built and nothing ran"
        !result.ok()
        result.recipe() == null
        tmp.toFile().list() as List == []
    }

    /** The baseline with {@code lines} added after it: the first added line is line 25. */
    static String appended(String... lines) {
        BASELINE + lines.join('\n') + '\n'
    }

    /** The baseline with {@code lines} put before it: the first is line 1. */
    static String prepended(String... lines) {
        lines.join('\n') + '\n' + BASELINE
    }

    /** Gives a process the recipe might have started time to run, then looks for its marker. */
    private boolean neverCreated(String marker) {
        sleep(PROCESS_GRACE_MS)
        !Files.exists(tmp.resolve(marker))
    }
}
