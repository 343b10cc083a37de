package org.relengine.yum

import java.nio.file.Path
import spock.lang.Specification

class RpmSignaturesSpec extends Specification {

    def "rpmkeys' verbose report is read per package: #problem"() {
        given:
        Path p = Path.of('/t/.relengine-sync/parts/p.rpm.part')

        expect:
        RpmSignatures.problems("$p:\n" + report.collect { "    $it" }.join('\n') + '\n', [p]) == (problem ? [(p): problem] : [:])

        where:
        report                                                                                         | problem
        ['Header V4 RSA/SHA256 Signature, key ID fd431d51: OK', 'Header SHA256 digest: OK', 'MD5 digest: OK'] | null
        ['Header SHA256 digest: OK', 'Header SHA1 digest: OK', 'Payload SHA256 digest: OK']            | 'unsigned'
        ['Header V4 RSA/SHA512 Signature, key ID e80503d3: NOKEY', 'Header SHA256 digest: OK']         | 'signed with a key the recipe does not give (Header V4 RSA/SHA512 Signature, key ID e80503d3: NOKEY)'
        ['Header V4 RSA/SHA256 Signature, key ID fd431d51: BAD', 'Header SHA256 digest: OK']           | 'bad signature or digest (Header V4 RSA/SHA256 Signature, key ID fd431d51: BAD)'
        ['Header V4 RSA/SHA256 Signature, key ID fd431d51: OK', 'Payload SHA256 digest: BAD (Expected 1 != 2)'] | 'bad signature or digest (Payload SHA256 digest: BAD (Expected 1 != 2))'
    }

    def "a package rpmkeys says nothing of fails"() {
        given:
        Path p = Path.of('/t/a.rpm.part')

        expect:
        RpmSignatures.problems('', [p]) == [(p): 'rpmkeys did not report on it']
    }
}
