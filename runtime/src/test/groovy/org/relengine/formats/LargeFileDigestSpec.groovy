package org.relengine.formats

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import java.security.MessageDigest
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

/** Runs the real openssl; the failing programs are shell scripts standing in for a broken one. */
@Requires({ ['/usr/bin/openssl', '/bin/openssl'].any { Files.isExecutable(Path.of(it)) } })
class LargeFileDigestSpec extends Specification {

    @TempDir
    Path dir

    static Path openssl() {
        ['/usr/bin/openssl', '/bin/openssl'].collect { Path.of(it) }.find { Files.isExecutable(it) }
    }

    Path file(String name, long size) {
        Path file = dir.resolve(name)
        byte[] block = new byte[1 << 20]
        new Random(size).nextBytes(block)
        Files.newOutputStream(file).withCloseable { out -> (size >> 20).times { out.write(block) } }
        file
    }

    static String jdk(Path file) {
        MessageDigest digest = MessageDigest.getInstance('SHA-256')
        digest.update(Files.readAllBytes(file))
        HexFormat.of().formatHex(digest.digest())
    }

    Path program(String name, String script) {
        Path program = dir.resolve(name)
        Files.writeString(program, "#!/bin/sh\n${script}\n")
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString('rwxr-xr-x'))
        program
    }

    def "a file of 16 MiB or more is hashed by openssl, to the digest the JDK computes"() {
        given:
        Path big = file('-Rocky 9.7 dvd.iso', LargeFileDigest.THRESHOLD)

        expect: 'a digest, where the JDK is left to hash (null) without openssl'
        new LargeFileDigest(openssl()).sha256(big, Files.size(big)) == jdk(big)
    }

    def "a smaller file is left to the JDK"() {
        given:
        Path small = file('boot.iso', LargeFileDigest.THRESHOLD - (1 << 20))

        expect:
        new LargeFileDigest(openssl()).sha256(small, Files.size(small)) == null
    }

    def "without openssl, or with one that fails or says something else, the JDK hashes: #what"() {
        given:
        Path big = file('dvd.iso', LargeFileDigest.THRESHOLD)
        Path broken = script == null ? null : script == 'gone' ? dir.resolve('gone/openssl') : program('openssl', script)

        expect:
        new LargeFileDigest(broken).sha256(big, Files.size(big)) == null

        where:
        what                            | script
        'no openssl'                    | null
        'exits 1 after a digest'        | "echo ${'a' * 64} \"*\$5\"; exit 1"
        'prints no digest'              | 'echo "Invalid command dgst"'
        'prints a digest too short'     | "echo ${'a' * 63} \"*\$5\""
        'prints an upper-case non-hex'  | "echo ${'G' * 64} \"*\$5\""
        'prints nothing'                | 'exit 0'
        'is gone since it was found'    | 'gone'
    }

    def "a compose's checksum of a large file is the JDK's digest, whoever computes it"() {
        given:
        Path big = file('Rocky-9.7-x86_64-minimal.iso', 17L << 20)

        expect:
        Checksums.sha256(big) == jdk(big)
        Checksums.fileChecksum(big).endsWith("SHA256 (Rocky-9.7-x86_64-minimal.iso) = ${jdk(big)}\n")
    }
}
