package org.relengine.cli

import picocli.CommandLine
import spock.lang.Specification

/** `demo --packages N`: how many packages each repo has, 1 to 20,000. */
class PackagesConverterSpec extends Specification {

    def "#value packages per repo are taken as #expected"() {
        expect:
        new PackagesConverter().convert(value) == expected

        where:
        value   || expected
        '1'     || 1
        '166'   || 166
        ' 5 '   || 5
        '20000' || 20000
    }

    def "`#value` is refused, with the range it takes"() {
        when:
        new PackagesConverter().convert(value)

        then:
        def e = thrown(CommandLine.TypeConversionException)
        e.message == "`$value` is not a number of packages per repo: give 1 to 20000"

        where:
        value << ['0', '-3', '20001', 'many', '', '1.5', '99999999999']
    }

    def "the demo refuses --packages #value before it builds anything: exit 64 and the option named, no stack trace"() {
        given:
        def out = new StringWriter()
        def err = new StringWriter()

        when:
        int exit = Main.execute(['demo', '--packages', value] as String[], new PrintWriter(out), new PrintWriter(err))

        then:
        exit == ExitCode.USAGE
        out.toString() == ''
        err.toString().readLines() == [
                "relengine: Invalid value for option '--packages': `$value` is not a number of packages per repo: give 1 to 20000".toString(),
                "Try 'relengine demo --help' for more information."]

        where:
        value << ['0', '20001', 'lots']
    }
}
