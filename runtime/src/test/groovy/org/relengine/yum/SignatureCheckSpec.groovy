package org.relengine.yum

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/** Real packages built with rpmbuild, signed with rpmsign by throwaway GnuPG keys, checked by rpmkeys. */
class SignatureCheckSpec extends Specification {

    @Shared Path dir = Files.createTempDirectory('relengine-signatures')
    @Shared Map<String, byte[]> rpms = [:]
    @Shared Path releaseKey
    @AutoCleanup @Shared YumMirror mirror = new YumMirror(2)

    def setupSpec() {
        Path built = rpm('sigtest')
        rpms.unsigned = Files.readAllBytes(built)
        releaseKey = key('release', built, 'signed')
        key('other', built, 'foreign')
    }

    def cleanupSpec() {
        dir.toFile().deleteDir()
    }

    private Path rpm(String name) {
        Path spec = dir.resolve("${name}.spec")
        Files.writeString(spec, "Name: $name\nVersion: 1\nRelease: 1\nSummary: s\nLicense: MIT\nBuildArch: noarch\n%description\nd\n%files\n")
        run(['rpmbuild', '-bb', '--define', "_topdir ${dir.resolve('top')}", spec.toString()], [:])
        dir.resolve("top/RPMS/noarch/${name}-1-1.noarch.rpm")
    }

    /** A key of its own signs a copy of the package, kept as rpms[kept]; returns the public key file. */
    private Path key(String name, Path rpm, String kept) {
        Path home = dir.resolve("gnupg-$name")
        Files.createDirectories(home)
        home.toFile().setReadable(false, false); home.toFile().setReadable(true, true)
        Map<String, String> env = [GNUPGHOME: home.toString()]
        run(['gpg', '--batch', '--pinentry-mode', 'loopback', '--passphrase', '', '--quick-gen-key',
             "$name <$name@relengine.invalid>", 'default', 'default', 'never'], env)
        Path pub = dir.resolve("${name}.asc")
        Files.write(pub, run(['gpg', '--export', '--armor', "$name@relengine.invalid"], env).getBytes('UTF-8'))
        Path copy = dir.resolve("${kept}.rpm")
        Files.copy(rpm, copy)
        run(['rpmsign', '--addsign', '--define', "_gpg_name $name@relengine.invalid", '--define', '__gpg /usr/bin/gpg',
             '--define', "_gpg_sign_cmd_extra_args --pinentry-mode loopback --passphrase ''", copy.toString()], env)
        rpms[kept] = Files.readAllBytes(copy)
        pub
    }

    private static String run(List argv, Map<String, String> env) {
        def builder = new ProcessBuilder(argv.collect { it.toString() }).redirectErrorStream(true)
        builder.environment().putAll(env)
        def process = builder.start()
        String out = process.inputStream.text
        assert process.waitFor() == 0: "$argv: $out"
        out
    }

    def "with keys given, a signed package lands; unsigned and foreign-signed ones fail by name, as dnf's gpgcheck refuses them"() {
        given:
        Path root = dir.resolve('source')
        def repo = new FakeRepo(root)
        Map<String, byte[]> served = ['Packages/s/signed.rpm'  : rpms.signed,
                                      'Packages/u/unsigned.rpm': rpms.unsigned,
                                      'Packages/f/foreign.rpm' : rpms.foreign]
        served.each { href, bytes ->
            Files.createDirectories(root.resolve(href).parent)
            Files.write(root.resolve(href), bytes)
        }
        FakeRepo.rewritePrimary(root, served)
        Path tree = dir.resolve('tree')

        when:
        def result = mirror.sync(repo.url(), tree, new SyncOptions(false, null, [releaseKey.toUri().toString()], null)) { }

        then:
        result.failed()
        result.failures().size() == 2
        result.failures()[0] ==~ /Packages\/f\/foreign\.rpm: signed with a key the recipe does not give \(Header V4 RSA\/SHA\d+ Signature, key ID [0-9a-f]+: NOKEY\)/
        result.failures()[1] == 'Packages/u/unsigned.rpm: unsigned'
        Files.readAllBytes(tree.resolve('Packages/s/signed.rpm')) == rpms.signed
        !Files.exists(tree.resolve('Packages/u/unsigned.rpm'))
        !Files.exists(tree.resolve('Packages/f/foreign.rpm'))

        cleanup:
        repo?.close()
    }
}
