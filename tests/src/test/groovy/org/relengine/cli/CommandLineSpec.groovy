package org.relengine.cli

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

/** The command line itself: help, version, usage errors and shell completion, run as a process. */
class CommandLineSpec extends Specification {

    @TempDir
    Path dir

    @Shared
    Cli.Result completion

    def setupSpec() {
        completion = Cli.run('generate-completion')
    }

    def "#args exits 0 and lists the options of the command"() {
        when:
        def result = Cli.run(*args)

        then:
        result.exitCode == 0
        result.stderr == ''
        result.stdoutLines.first() == usage
        listed.findAll { item -> !result.stdoutLines.any { it.contains(item) } } == []    // nothing missing

        where:
        args                                  | usage                                                              | listed
        ['--help']                            | 'Usage: relengine [-hV] [COMMAND]'                                 | ['-h, --help', '-V, --version', 'validate', 'show', 'generate-completion', '64   the command line is wrong']
        ['-h']                                | 'Usage: relengine [-hV] [COMMAND]'                                 | ['-h, --help', '-V, --version', 'validate', 'show', 'generate-completion']
        ['validate', '--help']                | 'Usage: relengine validate [-hV] [--format=<format>] RECIPE...'    | ['RECIPE...', '--format=<format>   text (default) or json.', '-h, --help', '-V, --version', '0   every recipe is valid', '1   at least one recipe has errors']
        ['show', '--help']                    | 'Usage: relengine show [-hV] [--format=<format>] RECIPE'           | ['RECIPE ', '--format=<format>   text (default) or json.', '-h, --help', '-V, --version', '0   the model was printed', '1   the recipe has errors (printed instead)']
        ['generate-completion', '--help']     | 'Usage: relengine generate-completion [-hV]'                       | ['-h, --help', '-V, --version', 'source <(relengine generate-completion)']
    }

    def "#args prints the version of relengine"() {
        when:
        def result = Cli.run(*args)

        then:
        result.exitCode == 0
        result.stderr == ''
        result.stdoutLines.size() == 2
        // the jar's manifest version, or "(development build)" when run from target/classes
        result.stdoutLines[0] ==~ /relengine (\d+\.\d+\.\d+(-SNAPSHOT)?|\(development build\))/
        result.stdoutLines[1] ==~ /Java \d+.*/

        where:
        args << [
                ['--version'],
                ['-V'],
                ['validate', '--version'],
                ['show', '--version'],
        ]
    }

    def "#args: exit 64 and the suggestion `#suggestion`"() {
        when:
        def result = Cli.run(*args)

        then:
        result.exitCode == 64
        result.stdout == ''
        result.stderrLines.first().startsWith('relengine: ')
        result.stderrLines.any { it.startsWith(suggestion) }
        result.stderrLines.last() == "Try '$help --help' for more information.".toString()
        result.stackTraceMarkers == []

        where:
        args                                                     | suggestion                       | help
        ['validat', 'recipes/rocky9.groovy']                     | 'Did you mean validate?'       | 'relengine'
        ['sho', 'recipes/rocky9.groovy']                         | 'Did you mean show?'         | 'relengine'
        ['--hepl']                                               | 'Did you mean --help?'           | 'relengine'
        ['validate', '--formt', 'json', 'recipes/rocky9.groovy'] | 'Did you mean --format?'         | 'relengine validate'
        ['validate', '--formt=json', 'recipes/rocky9.groovy']    | 'Did you mean --format?'         | 'relengine validate'
        ['show', '--formt=json', 'recipes/rocky9.groovy']        | 'Did you mean --format?'         | 'relengine show'
        ['validate', '--fromat', 'json', 'recipes/rocky9.groovy'] | 'Did you mean --format?'        | 'relengine validate'
    }

    def "#args: exit 64 and `#message`"() {
        when:
        def result = Cli.run(*args)

        then:
        result.exitCode == 64
        result.stdout == ''
        result.stderrLines == ["relengine: $message".toString(), "Try '$help --help' for more information.".toString()]

        where:
        args                                                     | message                                                                                       | help
        ['validate']                                             | "Missing required parameter: 'RECIPE'"                                                        | 'relengine validate'
        ['show']                                                 | "Missing required parameter: 'RECIPE'"                                                        | 'relengine show'
        ['validate', '--format', 'yaml', 'recipes/rocky9.groovy'] | "Invalid value for option '--format': expected one of [text, json] (case-insensitive) but was 'yaml'" | 'relengine validate'
        ['show', 'recipes/rocky9.groovy', 'recipes/rocky8.groovy'] | "Unmatched argument at index 2: 'recipes/rocky8.groovy'"                                    | 'relengine show'
    }

    def "generate-completion prints a bash script that `bash -n` accepts"() {
        given:
        Path script = dir.resolve('relengine.bash')
        Files.writeString(script, completion.stdout)

        when:
        def bash = bash('-n', script.toString())

        then:
        completion.exitCode == 0
        completion.stderr == ''
        completion.stdoutLines.first() == '#!/usr/bin/env bash'
        completion.stdout.contains('validate')
        completion.stdout.contains('show')
        completion.stdout.contains('complete -F _complete_relengine')
        bash.exitCode == 0
        bash.stderr == ''
    }

    def "the sourced completion script completes `#line`: #expected"() {
        given:
        Path script = dir.resolve('relengine.bash')
        Files.writeString(script, completion.stdout)
        List<String> words = line.split(' ', -1) as List

        when:
        def bash = bash('-c', """
            source '$script'
            COMP_WORDS=(${words.collect { "'$it'" }.join(' ')})
            COMP_CWORD=${words.size() - 1}
            COMP_LINE='$line'
            _complete_relengine 2>/dev/null
            printf '%s\\n' "\${COMPREPLY[@]}"
            """.toString())

        then:
        bash.exitCode == 0
        bash.stdout.readLines().findAll() == expected

        where:
        line                    | expected
        'relengine '            | ['validate', 'show', 'plan', 'run', 'apply', 'diff', 'demo', 'status', 'explain', 'doctor', 'filelists', 'sync', 'generate-completion']
        'relengine v'           | ['validate']
        'relengine sh'          | ['show']
        'relengine validate --f' | ['--format']
        'relengine show --f'    | ['--format']
    }

    private static Cli.Result bash(String... args) {
        Cli.exec(['bash'] + (args as List<String>), Cli.ROOT)
    }
}
