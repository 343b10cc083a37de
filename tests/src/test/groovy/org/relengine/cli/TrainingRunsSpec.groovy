package org.relengine.cli

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The launcher's training runs, which it makes its JVM archives with (and whose failure it ignores, leaving only a
 * slower start): each runs to its end and leaves nothing behind, its loopback repository and trees removed.
 */
class TrainingRunsSpec extends Specification {

    @TempDir
    Path tmp

    def "the training of #archive runs to its end and leaves nothing in the temporary directory"() {
        when:
        def run = Cli.run([main: ["-Djava.io.tmpdir=$tmp".toString(), main], timeout: 120], *args)

        then:
        run.exitCode == 0
        run.stackTraceMarkers == []
        Files.list(tmp).withCloseable { it.toList() } == []

        where:
        archive                   | main                                 | args
        'every command but two'   | 'org.relengine.cli.Training'         | [Cli.ROOT.resolve('recipes/rocky9.groovy').toString()]
        '`sync`'                  | 'org.relengine.cli.SyncTraining'     | []
    }
}
