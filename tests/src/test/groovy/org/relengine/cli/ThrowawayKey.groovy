package org.relengine.cli

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions

/** A GnuPG home with one new key, {@code relengine-test@example.org}, no passphrase: what the signing specs sign with. */
final class ThrowawayKey {

    static final String ID = 'relengine-test@example.org'

    private ThrowawayKey() {
    }

    /** A new home under the temporary directory, 0700 as gpg wants it, with the key in it. */
    static Path home(String prefix) {
        Path gnupg = Files.createTempDirectory(prefix)
        Files.setPosixFilePermissions(gnupg, PosixFilePermissions.fromString('rwx------'))
        def key = Cli.exec(['gpg', '--batch', '--passphrase', '', '--quick-gen-key', "relengine test <$ID>".toString(),
                            'default', 'default', 'never'], Cli.ROOT, [GNUPGHOME: gnupg.toString()], 120)
        assert key.exitCode == 0: key.stderr
        gnupg
    }
}
