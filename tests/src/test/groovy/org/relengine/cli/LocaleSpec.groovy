package org.relengine.cli

import groovy.json.JsonSlurper
import java.nio.charset.CharacterCodingException
import java.nio.charset.CodingErrorAction
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Shared
import spock.lang.Specification

/**
 * relengine writes UTF-8 whatever the locale: a minimal container has no LANG, and Java 17 then takes
 * ASCII for its default charset. Each run here has LANG, LC_ALL, LC_CTYPE and LANGUAGE unset, and its bytes
 * must decode as strict UTF-8 to exactly what a UTF-8 locale gives.
 */
class LocaleSpec extends Specification {

    static final Map<String, String> NO_LOCALE = [LANG: null, LC_ALL: null, LC_CTYPE: null, LANGUAGE: null]

    @Shared Path dir = Files.createTempDirectory('relengine-locale')

    /** The bytes as UTF-8, failing on any byte sequence that is not (a `?` put in place of `×` is, but is wrong). */
    static String strictUtf8(byte[] bytes) {
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString()
    }

    def "a plan printed without a locale is the same UTF-8 text as with one"() {
        given:
        Path recipe = Cli.copyRecipe(dir, 'rocky9.groovy')

        when:
        def bare = Cli.run([dir: dir, env: NO_LOCALE], 'plan', recipe.toString(), '--format', 'json')
        def utf8 = Cli.run([dir: dir], 'plan', recipe.toString(), '--format', 'json')

        then:
        bare.exitCode == 2
        strictUtf8(bare.stdoutBytes).contains('repodata/repomd.xml in every repo × arch')
        bare.stdoutBytes == utf8.stdoutBytes
    }

    def "a plan saved without a locale reads back equal to the one printed"() {
        given:
        Path recipe = Cli.copyRecipe(dir, 'rocky9.groovy', [:], 'saved.groovy')

        when:
        def saved = Cli.run([dir: dir, env: NO_LOCALE], 'plan', 'saved.groovy', '--out', 'plan.json')
        def printed = Cli.run([dir: dir, env: NO_LOCALE], 'plan', 'saved.groovy', '--format', 'json')
        Map file = new JsonSlurper().parseText(strictUtf8(Files.readAllBytes(dir.resolve('plan.json')))) as Map
        Map out = new JsonSlurper().parseText(strictUtf8(printed.stdoutBytes)) as Map

        then:
        saved.exitCode == 2
        file.tasks == out.tasks
        (file.tasks as List<Map>).any { (it.actions as List<Map>).any { a -> a.description?.contains('repo × arch') } }
    }

    def "a diagnostic quotes a recipe's non-ASCII text as it is, without a locale"() {
        given:
        Cli.writeRecipe(dir, 'accents.groovy', "release 'Rocky Linux', version: '9.5', code: 'Onyx – Blue'\n" +
                "arches 'x86_64', 'ärm64'\n")

        when:
        def result = Cli.run([dir: dir, env: NO_LOCALE], 'validate', 'accents.groovy')
        String text = strictUtf8(result.stdoutBytes) + strictUtf8(result.stderrBytes)

        then:
        result.exitCode == 1
        text.contains("arches 'x86_64', 'ärm64'")
        text.contains('unknown arch `ärm64`')
    }

    def "the launcher opens a recipe with a non-ASCII name without a locale; java alone says why it cannot"() {
        given: 'the name in bytes, through bash: a JVM without a UTF-8 locale, such as this one may be, cannot spell it'
        String name = '$\'caf\\xc3\\xa9.groovy\''
        Cli.exec(['bash', '-c', "printf '%s\\n' \"release 'Rocky Linux', version: '9.5'\" \"arches 'x86_64'\" > $name"
                .toString()], dir)

        when:
        def launcher = Cli.exec(['bash', '-c', "exec \"\$0\" validate $name".toString(),
                                 Cli.ROOT.resolve('relengine').toString()], dir, NO_LOCALE + [PATH: System.getenv('PATH')], 300)
        def bare = Cli.run([dir: dir, env: NO_LOCALE, under: ['bash', '-c', "exec \"\$@\" $name".toString(), 'bash']],
                'validate')

        then:
        launcher.exitCode == 1      // read, and found wanting: it has no repos
        strictUtf8(launcher.stdoutBytes).readLines()[0] == 'café.groovy:1:1: error: the recipe declares no `repos` [R301]'

        and:
        bare.exitCode == 64
        bare.stderrLines.contains('  hint: the locale is not UTF-8 (LANG=null), so Java cannot name a file with ' +
                'non-ASCII characters: set LANG=C.UTF-8, or run ./relengine, which does')
    }

    def "decoding is strict: a byte that is not UTF-8 fails the check"() {
        when:
        strictUtf8([0x72, 0x65, 0xD7] as byte[])

        then:
        thrown(CharacterCodingException)
    }
}
