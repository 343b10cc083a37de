package org.relengine.formats

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.FileTime
import spock.lang.Specification
import spock.lang.TempDir

class ChecksumsOnceSpec extends Specification {

    @TempDir
    Path dir

    Path iso(String name, byte fill) {
        Path file = dir.resolve(name)
        byte[] bytes = new byte[2 << 20]
        Arrays.fill(bytes, fill)
        Files.write(file, bytes)
        file
    }

    def "a large file is read once for the metadata: its alias link gets the digest remembered for it"() {
        given:
        Path dvd = iso('Rocky-9.7-x86_64-dvd.iso', (byte) 1)
        Path alias = Files.createSymbolicLink(dir.resolve('Rocky-9-latest-x86_64-dvd.iso'), dvd.fileName)
        String digest = Checksums.sha256(dvd)
        FileTime time = Files.getLastModifiedTime(dvd)

        when: 'the file changes under the same size and time, which only a remembered digest would miss'
        Checksums.sha256Once(dvd)
        Files.write(dvd, new byte[2 << 20])
        Files.setLastModifiedTime(dvd, time)

        then:
        Checksums.sha256Once(alias) == digest
        Checksums.sha256(alias) != digest

        when: 'its time moves, as any rewrite moves it'
        Files.setLastModifiedTime(dvd, FileTime.fromMillis(time.toMillis() + 1000))

        then:
        Checksums.sha256Once(alias) == Checksums.sha256(dvd)
        Checksums.sha256Once(alias) != digest
    }

    def "a small file is read every time"() {
        given:
        Path file = dir.resolve('small')
        Files.writeString(file, 'a')
        FileTime time = Files.getLastModifiedTime(file)
        Checksums.sha256Once(file)

        when:
        Files.writeString(file, 'b')
        Files.setLastModifiedTime(file, time)

        then:
        Checksums.sha256Once(file) == Checksums.sha256(file)
    }
}
