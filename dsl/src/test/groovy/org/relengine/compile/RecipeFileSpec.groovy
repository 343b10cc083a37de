package org.relengine.compile

import java.nio.file.Files
import java.nio.file.Path
import org.relengine.validate.TextRenderer
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

/**
 * Only recipe files are read as recipes: regular files named *.groovy (after every link), outside /proc and
 * /sys, of at most {@link RecipeFile#LIMIT} bytes. Anything else is refused with one diagnostic naming the file,
 * at the include statement that names it, with a hint; never read, so never shown in a code frame, never a hang.
 * The devices here are /dev/null, which a reader that did not check would read as empty: /dev/zero, which would
 * exhaust this JVM's memory, is read by a process of its own in the CLI's RefusedRecipeFileSpec.
 */
@Timeout(30)
class RecipeFileSpec extends Specification implements RecipeFixture {

    static final String HINT_REGULAR = 'a recipe is read from a regular file: save its text in one'

    @TempDir
    Path dir

    /** A recipe that includes {@code name}, its include statement on line 2 (the value at column 9). */
    Path including(String name) {
        Path site = dir.resolve('site.groovy')
        Files.writeString(site, "// a site's recipe\ninclude '${name}'\nrelease 'Rocky Linux', version: '9.5'\n")
        site
    }

    /**
     * A FIFO no one writes to. Should a reader open it, it would wait for a writer for ever: after a few seconds
     * the spec opens it for reading and writing itself (which never blocks) and closes it, so that such a reader
     * sees an empty file and the spec fails instead of hanging.
     */
    static void mkfifo(Path path) {
        def process = ['mkfifo', path.toString()].execute()
        assert process.waitFor() == 0
        Thread.startDaemon('unblock ' + path) {
            sleep(5000)
            try {
                new RandomAccessFile(path.toFile(), 'rw').close()
            } catch (IOException ignored) {
                // the spec is over and its directory gone
            }
        }
    }

    static List<List> errors(Recipes.Result result) {
        result.diagnostics().all().collect {
            [it.at().file(), it.at().line(), it.at().column(), it.code(), it.message(), it.hint()]
        }
    }

    def "an include that is a FIFO is refused at its include statement"() {
        given:
        Path fifo = dir.resolve('base.groovy')
        mkfifo(fifo)
        Path site = including('base.groovy')

        when:
        def result = Recipes.load(site)

        then:
        errors(result) == [[site.toString(), 2, 9, 'R100',
                            "cannot read recipe `${fifo}`: it is a FIFO (named pipe)".toString(), HINT_REGULAR]]
        result.diagnostics().all()[0].length() == "'base.groovy'".length()
        result.files() == [site.toString()]
    }

    def "an include that links to #target is refused at its include statement, without reading it"() {
        given:
        Path link = Files.createSymbolicLink(dir.resolve('base.groovy'), Path.of(target))
        Path site = including('base.groovy')

        when:
        def result = Recipes.load(site)

        then:
        errors(result) == [[site.toString(), 2, 9, 'R100',
                            "cannot read recipe `${link}`: it is a link to ${real}, which is ${what}".toString(), hint]]
        result.sources().keySet() == [site.toString()] as Set

        where:
        target               | real                                                   | what                                                               | hint
        '/dev/null'          | '/dev/null'                                            | 'a character device'                                               | HINT_REGULAR
        '/etc/passwd'        | '/etc/passwd'                                          | 'not a recipe (*.groovy)'                                          | 'a link read as a recipe must lead to a recipe file (*.groovy)'
        '/proc/self/environ' | "/proc/${ProcessHandle.current().pid()}/environ"       | 'a file of /proc or /sys, which the kernel makes up as it is read' | HINT_REGULAR
    }

    def "an include that is a directory is refused at its include statement"() {
        given:
        Path base = Files.createDirectory(dir.resolve('base.groovy'))
        Path site = including('base.groovy')

        expect:
        errors(Recipes.load(site)) == [[site.toString(), 2, 9, 'R100',
                                        "cannot read recipe `${base}`: it is a directory".toString(),
                                        'name a recipe file (*.groovy) in it']]
    }

    def "the recipe itself, #what, is refused at its line 1, column 1, and nothing of it is shown"() {
        given:
        Path file = make(dir)

        when:
        def result = Recipes.load(file)
        String rendered = new TextRenderer(result.sources(), false).render(result.diagnostics().all())

        then:
        errors(result) == [[file.toString(), 1, 1, 'R100', "cannot read recipe `${file}`: ${reason}".toString(), hint]]
        result.sources() == [:]
        result.files() == []
        rendered.readLines().findAll { it ==~ /\d+ \|.*/ } == []

        where:
        what                                 | make                                                                                 || reason                                                                 | hint
        'a FIFO'                             | { Path d -> Path f = d.resolve('fifo.groovy'); mkfifo(f); f }                        || 'it is a FIFO (named pipe)'                                            | HINT_REGULAR
        'a link to /dev/null'                | { Path d -> Files.createSymbolicLink(d.resolve('null.groovy'), Path.of('/dev/null')) } || 'it is a link to /dev/null, which is a character device'               | HINT_REGULAR
        'a link to /etc/passwd'              | { Path d -> Files.createSymbolicLink(d.resolve('pw.groovy'), Path.of('/etc/passwd')) } || 'it is a link to /etc/passwd, which is not a recipe (*.groovy)'        | 'a link read as a recipe must lead to a recipe file (*.groovy)'
        'a file not named *.groovy'          | { Path d -> Files.writeString(d.resolve('.env'), "release 'TOKEN=secret'\n") }       || 'it is not a recipe (*.groovy)'                                        | 'recipes are files named *.groovy'
        'a directory'                        | { Path d -> Files.createDirectory(d.resolve('recipes')) }                            || 'it is a directory'                                                    | 'name a recipe file (*.groovy) in it'
        'one byte larger than the limit'     | { Path d -> Files.write(d.resolve('big.groovy'), comment(RecipeFile.LIMIT + 1)) }    || 'it is larger than 1 MiB, more than any recipe'                        | 'check that this is the recipe meant; a recipe is a few kilobytes of declarations'
    }

    @Requires({ Files.isReadable(Path.of('/sys/kernel/mm/transparent_hugepage/enabled')) })
    def "a link to a file of /sys is refused"() {
        given:
        Path link = Files.createSymbolicLink(dir.resolve('thp.groovy'), Path.of('/sys/kernel/mm/transparent_hugepage/enabled'))

        expect:
        Recipes.load(link).diagnostics().all()*.message() ==
                ["cannot read recipe `${link}`: it is a link to ${link.toRealPath()}, which is a file of /proc or /sys, which the kernel makes up as it is read".toString()]
    }

    def "a recipe of exactly the limit is read"() {
        given:
        Path file = dir.resolve('big.groovy')
        Files.write(file, BASELINE.bytes)
        Files.write(file, comment(RecipeFile.LIMIT - BASELINE.bytes.length), java.nio.file.StandardOpenOption.APPEND)

        when:
        def result = Recipes.load(file)

        then:
        Files.size(file) == RecipeFile.LIMIT
        result.diagnostics().all() == []
        result.ok()
    }

    def "a link to a recipe file elsewhere is read as the recipe it leads to"() {
        given:
        Path elsewhere = Files.createDirectories(dir.resolve('shared'))
        Files.writeString(elsewhere.resolve('base.groovy'), BASELINE)
        Files.createSymbolicLink(dir.resolve('base.groovy'), elsewhere.resolve('base.groovy'))
        Path site = dir.resolve('site.groovy')
        Files.writeString(site, "include 'base.groovy'\n")

        when:
        def result = Recipes.load(site)

        then:
        result.diagnostics().all() == []
        result.ok()
        result.files() == [site.toString(), dir.resolve('base.groovy').toString()]
    }

    /** A line comment of {@code size} bytes, newline included. */
    static byte[] comment(int size) {
        ('//' + 'x' * (size - 3) + '\n').bytes
    }
}
