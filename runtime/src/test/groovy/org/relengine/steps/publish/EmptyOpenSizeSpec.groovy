package org.relengine.steps.publish

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/** The toolkit's fix_metadata: after createrepo_c, repomd.xml loses its lines of an empty {@code <open-size>}. */
class EmptyOpenSizeSpec extends Specification {

    @TempDir
    Path dir

    def "lines holding only an empty open-size leave repomd.xml, every other line stays as it was"() {
        given:
        Path repomd = dir.resolve('repomd.xml')
        Files.writeString(repomd, '''\
            <repomd>
              <data type="group">
                <size>1200</size>
                <open-size></open-size>
              </data>
              <data type="primary">
                <open-size>4000</open-size>
              </data>
            </repomd>
            '''.stripIndent())
        StringWriter log = new StringWriter()

        when:
        new PrintWriter(log).withCloseable { EmptyOpenSize.drop(repomd, it) }

        then:
        Files.readString(repomd) == '''\
            <repomd>
              <data type="group">
                <size>1200</size>
              </data>
              <data type="primary">
                <open-size>4000</open-size>
              </data>
            </repomd>
            '''.stripIndent()
        log.toString() == "removed 1 empty <open-size> lines from $repomd\n".toString()
    }

    def "a repomd.xml without an empty open-size is left untouched, not even rewritten"() {
        given:
        Path repomd = dir.resolve('repomd.xml')
        Files.writeString(repomd, '<repomd>\n  <open-size>4000</open-size>\n</repomd>\n')
        def before = Files.getLastModifiedTime(repomd)
        Files.setLastModifiedTime(repomd, java.nio.file.attribute.FileTime.fromMillis(before.toMillis() - 60_000))
        def set = Files.getLastModifiedTime(repomd)

        when:
        new PrintWriter(new StringWriter()).withCloseable { EmptyOpenSize.drop(repomd, it) }

        then:
        Files.readString(repomd) == '<repomd>\n  <open-size>4000</open-size>\n</repomd>\n'
        Files.getLastModifiedTime(repomd) == set
    }
}
