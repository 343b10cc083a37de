package org.relengine.yum

import java.nio.file.Files
import java.nio.file.Path
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream
import spock.lang.Specification
import spock.lang.TempDir

class PrimaryPackagesSpec extends Specification {

    static final String PRIMARY = '''<?xml version="1.0" encoding="UTF-8"?>
<metadata xmlns="http://linux.duke.edu/metadata/common" xmlns:rpm="http://linux.duke.edu/metadata/rpm" packages="2">
<package type="rpm">
  <name>bash</name><arch>x86_64</arch>
  <checksum type="sha256" pkgid="YES">AB12</checksum>
  <time file="1762875753" build="1762875700"/>
  <size package="1234" installed="5000" archive="5100"/>
  <location href="Packages/b/bash-5.1.8-9.el9.x86_64.rpm"/>
  <format><rpm:license>GPLv3+</rpm:license><rpm:provides><rpm:entry name="bash"/></rpm:provides></format>
</package>
<package type="rpm">
  <name>zsh</name><arch>x86_64</arch>
  <checksum type="sha512" pkgid="YES">cd34</checksum>
  <time file="1762875800" build="1762875700"/>
  <size package="99" installed="5000" archive="5100"/>
  <location xml:base="https://elsewhere.example/repo/" href="zsh-5.8-9.el9.x86_64.rpm"/>
</package>
</metadata>
'''

    @TempDir
    Path dir

    def "the packages of a primary.xml compressed as #suffix are read with their location, size, checksum and time"() {
        given:
        Path file = dir.resolve("primary.xml$suffix")
        Files.newOutputStream(file).withCloseable { out ->
            compress(out).withCloseable { it.write(PRIMARY.getBytes('UTF-8')) }
        }
        List<RpmPackage> read = []

        when:
        int count = PrimaryPackages.read(file) { read << it }

        then:
        count == 2
        read == [new RpmPackage('Packages/b/bash-5.1.8-9.el9.x86_64.rpm', null, 1234, new Checksum('sha256', 'ab12'), 1762875753),
                 new RpmPackage('zsh-5.8-9.el9.x86_64.rpm', 'https://elsewhere.example/repo/', 99, new Checksum('sha512', 'cd34'), 1762875800)]

        where:
        suffix | compress
        ''     | { OutputStream out -> out }
        '.gz'  | { OutputStream out -> new java.util.zip.GZIPOutputStream(out) }
        '.xz'  | { OutputStream out -> new XZCompressorOutputStream(out) }
        '.zst' | { OutputStream out -> new ZstdCompressorOutputStream(out) }
        '.bz2' | { OutputStream out -> new BZip2CompressorOutputStream(out) }
    }

    def "a package without a checksum is reported by its number"() {
        given:
        Path file = dir.resolve('primary.xml')
        Files.writeString(file, PRIMARY.replace('<checksum type="sha512" pkgid="YES">cd34</checksum>', ''))

        when:
        PrimaryPackages.read(file) { }

        then:
        BadMetadata e = thrown()
        e.message == 'package 2 lacks its location, size or checksum'
    }

    def "a zchunk primary is refused with what the repository should also serve"() {
        given:
        Path file = dir.resolve('primary.xml.zck')
        Files.writeString(file, 'zck')

        when:
        PrimaryPackages.read(file) { }

        then:
        IOException e = thrown()
        e.message == 'primary.xml.zck is a zchunk file, which relengine does not read; its repomd.xml should also name a gz, xz or zst copy of the primary metadata'
    }

    def "repomd.xml names each metadata file with its checksum and size; open-checksum and open-size are not taken for them"() {
        given:
        String text = '''<?xml version="1.0" encoding="UTF-8"?>
<repomd xmlns="http://linux.duke.edu/metadata/repo" xmlns:rpm="http://linux.duke.edu/metadata/rpm">
  <revision>1762875753</revision>
  <data type="primary">
    <checksum type="sha256">1111</checksum>
    <open-checksum type="sha256">2222</open-checksum>
    <location href="repodata/1111-primary.xml.gz"/>
    <timestamp>1762875753</timestamp>
    <size>800</size>
    <open-size>4000</open-size>
  </data>
  <data type="group">
    <checksum type="sha256">3333</checksum>
    <location href="repodata/3333-comps-BaseOS.x86_64.xml"/>
  </data>
</repomd>'''

        expect:
        Repomd.parse(text.getBytes('UTF-8')).files() == [
                new MetadataFile('primary', 'repodata/1111-primary.xml.gz', new Checksum('sha256', '1111'), 800),
                new MetadataFile('group', 'repodata/3333-comps-BaseOS.x86_64.xml', new Checksum('sha256', '3333'), -1)]
    }

    def "a document that is not a repomd.xml is refused"() {
        when:
        Repomd.parse('<html><body>Not Found</body></html>'.getBytes('UTF-8'))

        then:
        BadMetadata e = thrown()
        e.message == 'its root element is <html>, not <repomd>'
    }
}
