package org.relengine.cli

import java.nio.file.Files
import java.nio.file.Path
import org.relengine.yum.FakeRepo
import spock.lang.Specification
import spock.lang.TempDir

/** A compose whose `sync` says `connections: 3` downloads 3 packages at once from its source, never more. */
class SyncConnectionsRunSpec extends Specification {

    @TempDir
    Path dir

    def "a compose's sync with connections: 3 keeps 3 downloads in flight from the source"() {
        given: 'BaseOS of 9 packages, served side by side by a server that answers each after 300 ms'
        new FakeRepo(dir.resolve('src/BaseOS')).withCloseable { made ->
            made.publish((1..9).collectEntries { ["Packages/p/p-${it}.rpm".toString(), "p${it}".toString()] })
        }
        FakeRepo server = new FakeRepo(dir.resolve('src'), true)
        server.delay = 300
        Path recipe = dir.resolve('connections.groovy')
        Files.writeString(recipe, """\
            release 'Rocky Linux', short: 'Rocky', version: '9.7'
            arches 'x86_64'
            source yum, url: '${server.url()}/{repo}'
            roots compose: '${dir}/compose', staging: '${dir}/staging', production: '${dir}/production'
            repos {
                repo 'BaseOS'
            }
            compose {
                sync from: yum, debug: false, source: false, kickstart: false, repoclosure: false, connections: 3
            }
            """.stripIndent())

        when:
        def run = Cli.run([timeout: 120], 'run', recipe.toString(), '--executor', 'local', '--date-stamp',
                '20261206.000000')

        then:
        run.exitCode == 0
        server.mostAtOnce.get() == 3
        Files.readString(dir.resolve('compose/9/Rocky-9.7-20261206.000000/compose/BaseOS/x86_64/os/Packages/p/p-9.rpm')) == 'p9'

        cleanup:
        server?.close()
    }
}
