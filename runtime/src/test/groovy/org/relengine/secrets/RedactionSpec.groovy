package org.relengine.secrets

import org.relengine.exec.ComposeRun
import org.relengine.steps.StepRegistry
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import org.relengine.effects.LocalEffects
import spock.lang.Specification
import spock.lang.TempDir

/**
 * Secrets are recognised by their form and hidden as {@code ***}: a URL's password (or a token given as its
 * user name), the value of a {@code password=} line. Everything else is left as it is, byte for byte.
 */
class RedactionSpec extends Specification {

    @TempDir
    Path dir

    def "#text is shown as #shown"() {
        expect:
        Redaction.text(text) == shown

        where:
        text                                                          | shown
        'https://relengine:s3cret@repo.example.org/v1/BaseOS/x86_64'  | 'https://relengine:***@repo.example.org/v1/BaseOS/x86_64'
        'http://user:p%40ss@127.0.0.1:8080/{repo}/{arch}'             | 'http://user:***@127.0.0.1:8080/{repo}/{arch}'
        'https://ghp_0123456789abcdef@git.example.org/release.git'    | 'https://***@git.example.org/release.git'
        'https://user:pa@ss@host/x'                                   | 'https://user:***@host/x'
        "\$ lorax -s 'https://u:it'\\''s@host/os' -s https://host/os" | "\$ lorax -s 'https://u:***@host/os' -s https://host/os"
        '[ "http://a:b@h1/x", "http://h2/y" ]'                        | '[ "http://a:***@h1/x", "http://h2/y" ]'
        'baseurl=http://h/x\nusername=u\npassword=s3cret\nenabled=1'  | 'baseurl=http://h/x\nusername=u\npassword=***\nenabled=1'
        'https://host/path and mail@example.org'                      | 'https://host/path and mail@example.org'
        'file:///mnt/compose/9/x@y/os'                                | 'file:///mnt/compose/9/x@y/os'
        'https://relengine:***@host/x'                                | 'https://relengine:***@host/x'
        'no URL at all'                                               | 'no URL at all'
    }

    def "the secrets a text holds are found as written, those already hidden are not"() {
        expect:
        Redaction.secretsIn('http://u:one@h/x http://u:***@h/x http://tok@h/y\npassword=two\npassword=***') ==
                ['http://u:one', 'http://tok', 'two']
    }

    def "a URL's credentials are taken apart as a server is given them, and a SecretUrl never prints its password"() {
        when:
        SecretUrl url = SecretUrl.of('https://rel%40engine:p%3Ass%2Fw+rd@host:8443/v1/BaseOS?x=1').get()

        then:
        url.bare() == 'https://host:8443/v1/BaseOS?x=1'
        url.user() == 'rel@engine'
        url.password() == 'p:ss/w+rd'
        url.basicAuthorization() == 'Basic ' + 'rel@engine:p:ss/w+rd'.bytes.encodeBase64().toString()
        url.toString() == 'https://rel@engine:***@host:8443/v1/BaseOS?x=1'
        SecretUrl.of('https://host/x@y').isEmpty()
    }

    def "lines written in pieces are hidden whole, and bytes that are not UTF-8 pass unchanged"() {
        given:
        ByteArrayOutputStream sink = new ByteArrayOutputStream()
        RedactedOutput out = new RedactedOutput(sink)
        byte[] latin1 = [0xE9, 0xFF, 0x80] as byte[]

        when:
        out.write('Status code: 401 for http://relengine:s3'.getBytes(StandardCharsets.US_ASCII))
        out.write('cret@127.0.0.1/repomd.xml\nnext '.getBytes(StandardCharsets.US_ASCII))
        out.write(latin1)
        out.write(' line'.getBytes(StandardCharsets.US_ASCII))
        out.close()

        then:
        sink.toByteArray() as List == ('Status code: 401 for http://relengine:***@127.0.0.1/repomd.xml\nnext '.bytes as List) +
                (latin1 as List) + (' line'.bytes as List)
    }

    def "a task's log hides the secrets of the command it runs and of what the command prints"() {
        given:
        LocalEffects effects = new LocalEffects(dir.resolve('logs'), Duration.ofMinutes(1), StepRegistry.standard(), ComposeRun.producing(), dir.resolve('tmp'))

        when:
        int exit = effects.exec('sync:BaseOS:x86_64:os', ['sh', '-c', 'echo "fetching https://relengine:s3cret@host/os" >&2'], null)
        String log = Files.readString(effects.log('sync:BaseOS:x86_64:os'))

        then:
        exit == 0
        log == '$ sh -c \'echo "fetching https://relengine:***@host/os" >&2\'\nfetching https://relengine:***@host/os\n'
    }
}
