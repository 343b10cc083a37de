package org.relengine.cli

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Shared
import spock.lang.Specification

/** A path that is the wrong kind of thing is the user's to fix: named with a hint, exit 1, never an internal error. */
class FileFaultSpec extends Specification {

    @Shared Path dir = Files.createTempDirectory('relengine-file-fault')
    @Shared Path file = Files.writeString(dir.resolve('a-file'), 'x')
    @Shared Path directory = Files.createDirectories(dir.resolve('a-directory'))

    def "#command with #what: #first"() {
        when:
        def result = Cli.run([env: DemoSpec.ENV, timeout: 600], *(args.collect { it.replace('FILE', file.toString())
                .replace('DIR', directory.toString()).replace('RECIPE', Cli.RECIPES.resolve('rocky9.groovy').toString()) }))
        List<String> lines = result.stderrLines.findAll { it.startsWith('relengine: ') || it.startsWith('  hint: ') }

        then:
        result.exitCode == 1
        result.stackTraceMarkers == []
        !result.stderr.contains('internal error')
        lines.size() == 2
        lines[0].replace(file.toString(), 'FILE').replace(directory.toString(), 'DIR') ==~ first
        lines[1] == hint
        Files.list(dir).map { it.fileName.toString() }.sorted().toList() == ['a-directory', 'a-file']
        Files.list(directory).count() == 0

        where:
        command | what                    | args                                                                        || first                                                                                | hint
        'run'   | '--root naming a file'  | ['run', 'RECIPE', '--root', 'FILE', '--executor', 'local', '--only', 'compose'] || /relengine: FILE is a file, where a directory must be \(for FILE\/compose\/9\/Rocky-9\.7-\d{8}\.\d{6}\)/ | '  hint: give a directory, or a path that does not exist yet'
        'demo'  | '--out naming a file'   | ['demo', '--out', 'FILE']                                                   || /relengine: FILE is a file, where a directory must be \(for FILE\/compose\/9\/Rocky-9\.7-\d{8}\.\d{6}\)/ | '  hint: give a directory, or a path that does not exist yet'
        'plan'  | '--out naming a directory' | ['plan', 'RECIPE', '--out', 'DIR']                                       || /relengine: DIR is a directory, where a file must be/                               | '  hint: give a file name'
    }
}
