package org.relengine.steps.minorrelease

import java.nio.file.Files
import java.nio.file.Path
import org.relengine.plan.spi.TaskFailure
import org.relengine.steps.Ops
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The release's ISOs gathered from the ISO directories of a compose made elsewhere: every one the recipe names, from
 * exactly one directory, and no other; checked before anything is copied.
 */
class ReleaseIsosSpec extends Specification {

    @TempDir Path dir

    Path base() { dir.resolve('BaseOS/x86_64/iso') }

    Path minimal() { dir.resolve('Minimal/x86_64/iso') }

    Path into() { dir.resolve('staging/isos/x86_64') }

    def setup() {
        Files.createDirectories(base())
        Files.createDirectories(minimal())
        Files.writeString(base().resolve('R-9.1-x86_64-dvd.iso'), 'dvd')
        Files.writeString(base().resolve('CHECKSUM'), 'Pungi\'s')
        Files.writeString(minimal().resolve('R-9.1-x86_64-minimal.iso'), 'minimal')
    }

    String gather(List<String> names) {
        StringWriter log = new StringWriter()
        Ops.run('gather-isos', [from: "${base()},${minimal()}".toString(), into: into().toString(),
                                names: names.join(',')], new PrintWriter(log), dir)
        log.toString()
    }

    def "each ISO is copied from the directory that has it, with its time; nothing else is"() {
        when:
        gather(['R-9.1-x86_64-dvd.iso', 'R-9.1-x86_64-minimal.iso'])

        then:
        Files.list(into()).withCloseable { it.collect { it.fileName.toString() }.sort() } ==
                ['R-9.1-x86_64-dvd.iso', 'R-9.1-x86_64-minimal.iso']
        Files.readString(into().resolve('R-9.1-x86_64-minimal.iso')) == 'minimal'
        Files.getLastModifiedTime(into().resolve('R-9.1-x86_64-dvd.iso')).toMillis() ==
                Files.getLastModifiedTime(base().resolve('R-9.1-x86_64-dvd.iso')).toMillis()
    }

    def "an ISO already there with the same size and time is kept"() {
        given:
        gather(['R-9.1-x86_64-dvd.iso', 'R-9.1-x86_64-minimal.iso'])
        Object inode = Files.getAttribute(into().resolve('R-9.1-x86_64-dvd.iso'), 'unix:ino')

        when:
        String log = gather(['R-9.1-x86_64-dvd.iso', 'R-9.1-x86_64-minimal.iso'])

        then:
        Files.getAttribute(into().resolve('R-9.1-x86_64-dvd.iso'), 'unix:ino') == inode
        log.contains("${into().resolve('R-9.1-x86_64-dvd.iso')}: unchanged")
    }

    def "#what fails the task before anything is copied"() {
        given:
        prepare(base(), minimal())

        when:
        gather(['R-9.1-x86_64-dvd.iso', 'R-9.1-x86_64-minimal.iso'])

        then:
        TaskFailure failure = thrown()
        failure.message.startsWith(message.replace('BASE', base().toString()).replace('MINIMAL', minimal().toString()))
        !Files.exists(into())

        where:
        what                  | prepare                                                                    || message
        'a missing ISO'       | { Path b, Path m -> Files.delete(m.resolve('R-9.1-x86_64-minimal.iso')) } || 'the compose has no R-9.1-x86_64-minimal.iso in BASE or MINIMAL'
        'an ISO in two'       | { Path b, Path m -> Files.writeString(b.resolve('R-9.1-x86_64-minimal.iso'), 'x') } || 'R-9.1-x86_64-minimal.iso is in both BASE and MINIMAL'
        'an ISO not named'    | { Path b, Path m -> Files.writeString(b.resolve('R-9.1-x86_64-dvd2.iso'), 'x') }    || "the compose has BASE/R-9.1-x86_64-dvd2.iso, which the recipe names no image for"
    }
}
