package org.relengine.cli

import groovy.transform.CompileStatic
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.security.DigestOutputStream
import java.security.MessageDigest
import java.util.zip.GZIPOutputStream

/**
 * A yum repository of many packages, written directly rather than built: each package a file of a few bytes
 * (no RPM at all: a sync never reads a package's content, only checks its size and sha256), laid out hashed
 * ({@code Packages/<first letter>/}), and primary, filelists and other metadata (gzip) with a repomd.xml naming
 * them by their sha256, with their sizes, as createrepo_c would write them.
 */
@CompileStatic
final class FakeRepository {

    static final long TIMESTAMP = 1735689600L   // 2025-01-01T00:00:00Z
    static final List<String> LETTERS = ('a'..'z').toList()

    private FakeRepository() {
    }

    /** The name of the {@code i}th package: a letter, so that the hashed layout spreads them over 26 directories. */
    static String name(int i) {
        "${LETTERS[i % LETTERS.size()]}fake-${i}".toString()
    }

    static String location(int i) {
        String name = name(i)
        "Packages/${name[0]}/$name-1.0-1.el9.noarch.rpm".toString()
    }

    static void write(Path repo, int count) {
        Files.createDirectories(repo.resolve('repodata'))
        List<String> checksums = new ArrayList<>(count)
        List<Long> sizes = new ArrayList<>(count)
        for (int i = 0; i < count; i++) {
            byte[] content = "fake package $i\n".getBytes(StandardCharsets.UTF_8)
            Path file = repo.resolve(location(i))
            Files.createDirectories(file.parent)
            Files.write(file, content)
            checksums << MessageDigest.getInstance('SHA-256').digest(content).encodeHex().toString()
            sizes << (long) content.length
        }
        Map<String, Written> written = [:]
        written.primary = metadata(repo, 'primary', '<metadata xmlns="http://linux.duke.edu/metadata/common" ' +
                "xmlns:rpm=\"http://linux.duke.edu/metadata/rpm\" packages=\"$count\">", '</metadata>', count) { int i ->
            String name = name(i)
            """<package type="rpm">
  <name>$name</name>
  <arch>noarch</arch>
  <version epoch="0" ver="1.0" rel="1.el9"/>
  <checksum type="sha256" pkgid="YES">${checksums[i]}</checksum>
  <summary>$name, a fake package</summary>
  <description>A fake package of relengine's sync memory spec.</description>
  <packager></packager>
  <url></url>
  <time file="$TIMESTAMP" build="$TIMESTAMP"/>
  <size package="${sizes[i]}" installed="${sizes[i]}" archive="${sizes[i]}"/>
  <location href="${location(i)}"/>
  <format>
    <rpm:license>MIT</rpm:license>
    <rpm:vendor></rpm:vendor>
    <rpm:group>Unspecified</rpm:group>
    <rpm:buildhost>localhost</rpm:buildhost>
    <rpm:sourcerpm>$name-1.0-1.el9.src.rpm</rpm:sourcerpm>
    <rpm:header-range start="0" end="0"/>
    <rpm:provides>
      <rpm:entry name="$name" flags="EQ" epoch="0" ver="1.0" rel="1.el9"/>
    </rpm:provides>
  </format>
</package>
""".toString()
        }
        written.filelists = metadata(repo, 'filelists', '<filelists xmlns="http://linux.duke.edu/metadata/filelists" ' +
                "packages=\"$count\">", '</filelists>', count) { int i ->
            """<package pkgid="${checksums[i]}" name="${name(i)}" arch="noarch">
  <version epoch="0" ver="1.0" rel="1.el9"/>
  <file>/usr/share/${name(i)}/content</file>
</package>
""".toString()
        }
        written.other = metadata(repo, 'other', '<otherdata xmlns="http://linux.duke.edu/metadata/other" ' +
                "packages=\"$count\">", '</otherdata>', count) { int i ->
            """<package pkgid="${checksums[i]}" name="${name(i)}" arch="noarch">
  <version epoch="0" ver="1.0" rel="1.el9"/>
</package>
""".toString()
        }
        StringBuilder repomd = new StringBuilder('<?xml version="1.0" encoding="UTF-8"?>\n' +
                '<repomd xmlns="http://linux.duke.edu/metadata/repo" xmlns:rpm="http://linux.duke.edu/metadata/rpm">\n' +
                "  <revision>$TIMESTAMP</revision>\n")
        written.each { String type, Written w ->
            repomd << """  <data type="$type">
    <checksum type="sha256">${w.checksum}</checksum>
    <open-checksum type="sha256">${w.openChecksum}</open-checksum>
    <location href="${w.location}"/>
    <timestamp>$TIMESTAMP</timestamp>
    <size>${w.size}</size>
    <open-size>${w.openSize}</open-size>
  </data>
"""
        }
        repomd << '</repomd>\n'
        Files.writeString(repo.resolve('repodata/repomd.xml'), repomd.toString())
    }

    private static final class Written {
        String location
        String checksum
        long size
        String openChecksum
        long openSize
    }

    /** One gzip-compressed metadata file, written to a temporary name, then named by its sha256. */
    private static Written metadata(Path repo, String type, String open, String close, int count, Closure<String> entry) {
        Path temporary = repo.resolve("repodata/${type}.xml.gz")
        MessageDigest compressed = MessageDigest.getInstance('SHA-256')
        MessageDigest plain = MessageDigest.getInstance('SHA-256')
        CountingStream counted
        Files.newOutputStream(temporary).withCloseable { OutputStream file ->
            Writer writer = new OutputStreamWriter(new DigestOutputStream(counted = new CountingStream(
                    new GZIPOutputStream(new DigestOutputStream(new BufferedOutputStream(file, 65536), compressed), 65536)), plain),
                    StandardCharsets.UTF_8)
            writer.write('<?xml version="1.0" encoding="UTF-8"?>\n' + open + '\n')
            for (int i = 0; i < count; i++) {
                writer.write(entry.call(i))
            }
            writer.write(close + '\n')
            writer.close()
        }
        String checksum = compressed.digest().encodeHex().toString()
        String location = "repodata/$checksum-${type}.xml.gz"
        Files.move(temporary, repo.resolve(location))
        new Written(location: location, checksum: checksum, size: Files.size(repo.resolve(location)),
                openChecksum: plain.digest().encodeHex().toString(), openSize: counted.count)
    }

    /** Counts the bytes written through it. */
    private static final class CountingStream extends FilterOutputStream {
        long count

        CountingStream(OutputStream out) {
            super(out)
        }

        @Override
        void write(int b) {
            out.write(b)
            count++
        }

        @Override
        void write(byte[] b, int off, int len) {
            out.write(b, off, len)
            count += len
        }
    }
}
