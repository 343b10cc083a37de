package org.relengine.store

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import org.relengine.formats.Checksums
import org.relengine.model.Release
import org.relengine.net.Wait
import org.relengine.plan.spi.TaskFailure
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The S3 artifact store against a real S3 server on loopback (S3Proxy, its bucket a directory of this spec), and the
 * anonymous HTTP listing of the same bucket.
 */
class S3StoreSpec extends Specification {

    static final String BUCKET = 'results'

    @Shared @TempDir Path shared
    @Shared @AutoCleanup LoopbackS3 server

    @TempDir Path dir

    ArtifactStore.Location location
    S3Store store
    StringWriter logged = new StringWriter()
    PrintWriter log = new PrintWriter(logged, true)

    def setupSpec() {
        server = LoopbackS3.start(shared.resolve('s3'), BUCKET, 0)
    }

    def setup() {
        // each feature its own prefix in the one bucket
        location = new ArtifactStore.Location(null, BUCKET, 'us-east-1', server.endpoint(), true)
        store = S3Store.of(location)
    }

    def "an upload keeps the result's SHA-256 with the object, and a download verifies it"() {
        given:
        Path file = bytes(dir.resolve('lorax-9.7-x86_64.tar.gz'), 300_000, 1)
        String key = 'upload/buildiso-9-amd64/1764000000/lorax-9.7-x86_64.tar.gz'

        when:
        store.put(file, key, log)
        Path fetched = dir.resolve('fetched/lorax-9.7-x86_64.tar.gz')
        store.fetch(key, fetched, log)

        then:
        store.list('upload/') == [key]
        Checksums.sha256(fetched) == Checksums.sha256(file)
        !Files.exists(fetched.resolveSibling('lorax-9.7-x86_64.tar.gz.part'))
        logged.toString().contains("uploaded $file to s3://results/$key (sha256 ${Checksums.sha256(file)})")
        logged.toString().contains("downloaded s3://results/$key (300000 bytes, sha256 ${Checksums.sha256(file)} verified)")
    }

    def "a listing past 1,000 keys reads every page of ListObjectsV2"() {
        given:
        List<String> keys = (1..1500).collect { String.format('many/buildiso-9-amd64/%d/lorax-9.7-x86_64.tar.gz', 1_700_000_000 + it) }
        keys.each { backend(it, 'x') }
        backend('other/not-listed', 'x')

        expect:
        store.list('many/').size() == 1500
        new ArrayList<>(store.list('many/')).sort() == keys.sort()
    }

    def "the anonymous HTTP listing of a bucket follows IsTruncated past 1,000 keys"() {
        given:
        List<String> keys = (1..1234).collect { "pages/buildimage-9.7-x86_64/GenericCloud-Base/${1_700_000_000 + it}/Rocky-9-GenericCloud-Base-9.7-20251111.0.x86_64.qcow2".toString() }
        keys.each { backend(it, 'x') }
        backend('pagesx/outside-the-prefix', 'x')
        def http = ArtifactStore.open(ArtifactStore.Location.directory(server.endpoint() + '/' + BUCKET),
                Wait.within(Duration.ofMinutes(1)))

        expect:
        http instanceof ArtifactStore.Http
        http.list('pages/').size() == 1234
        new ArrayList<>(http.list('pages/')).sort() == keys.sort()
        http.newest(new ResultKeys('pages/buildimage-9.7-x86_64/GenericCloud-Base/', 'Rocky-9-GenericCloud-Base-9.7-', '.x86_64.qcow2')).get() == keys.last()
    }

    def "the newest result of each arch is the one with the highest epoch, compared as a number"() {
        given:
        def release = new Release('Rocky Linux', 'Rocky', '9.7', 9, 7, null, true, org.relengine.model.Channel.values()[0], null, null, null)
        ['999', '1000', '200'].each { backend("buildiso-9-amd64/$it/lorax-9.7-x86_64.tar.gz", it) }
        backend('buildiso-9-amd64/5000/lorax-9.6-x86_64.tar.gz', 'another release')
        backend('buildiso-9-arm64/100/lorax-9.7-aarch64.tar.gz', '100')
        backend('buildiso-9-arm64/99/lorax-9.7-aarch64.tar.gz', '99')

        expect:
        store.newest(ResultKeys.lorax(release, 'x86_64')).get() == 'buildiso-9-amd64/1000/lorax-9.7-x86_64.tar.gz'
        store.newest(ResultKeys.lorax(release, 'aarch64')).get() == 'buildiso-9-arm64/100/lorax-9.7-aarch64.tar.gz'
        store.newest(ResultKeys.lorax(release, 's390x')).isEmpty()
    }

    def "an object whose bytes changed behind the server's back is refused, naming its key, and nothing of it is kept"() {
        given:
        Path file = bytes(dir.resolve('lorax-9.7-x86_64.tar.gz'), 100_000, 2)
        String key = 'corrupt/buildiso-9-amd64/1764000000/lorax-9.7-x86_64.tar.gz'
        store.put(file, key, log)
        Path stored = server.bucketDirectory(BUCKET).resolve(key)
        byte[] content = Files.readAllBytes(stored)
        content[50_000] ^= 0x01
        Files.write(stored, content)
        Path into = dir.resolve('fetched/lorax-9.7-x86_64.tar.gz')

        when:
        store.fetch(key, into, log)

        then:
        def failure = thrown(TaskFailure)
        failure.message.startsWith("refusing s3://results/$key: ")
        failure.message.contains('the object is corrupt')
        !Files.exists(into)
        !Files.exists(into.resolveSibling('lorax-9.7-x86_64.tar.gz.part'))
    }

    def "an interrupted download resumes from its .part file with a ranged request, and the result is whole and verified"() {
        given:
        Path file = bytes(dir.resolve('lorax-9.7-x86_64.tar.gz'), 500_000, 3)
        String key = 'resume/buildiso-9-amd64/1764000000/lorax-9.7-x86_64.tar.gz'
        store.put(file, key, log)
        Path into = dir.resolve('fetched/lorax-9.7-x86_64.tar.gz')
        Files.createDirectories(into.parent)
        Path part = into.resolveSibling('lorax-9.7-x86_64.tar.gz.part')
        Files.write(part, Arrays.copyOf(Files.readAllBytes(file), 123_456))

        when:
        store.fetch(key, into, log)

        then:
        logged.toString().contains("resuming s3://results/$key at byte 123456 of 500000")
        Files.size(into) == 500_000
        Checksums.sha256(into) == Checksums.sha256(file)
        logged.toString().contains("sha256 ${Checksums.sha256(file)} verified")
        !Files.exists(part)
    }

    def "a resumed download whose first bytes were wrong is refused, not kept"() {
        given:
        Path file = bytes(dir.resolve('lorax-9.7-x86_64.tar.gz'), 200_000, 4)
        String key = 'badpart/buildiso-9-amd64/1764000000/lorax-9.7-x86_64.tar.gz'
        store.put(file, key, log)
        Path into = dir.resolve('fetched/lorax-9.7-x86_64.tar.gz')
        Files.createDirectories(into.parent)
        Files.write(into.resolveSibling('lorax-9.7-x86_64.tar.gz.part'), new byte[1000])

        when:
        store.fetch(key, into, log)

        then:
        def failure = thrown(TaskFailure)
        failure.message.startsWith("refusing s3://results/$key: its content has the SHA-256 ")
        !Files.exists(into)
        !Files.exists(into.resolveSibling('lorax-9.7-x86_64.tar.gz.part'))
    }

    def "a local file that is already complete is not downloaded again"() {
        given:
        Path file = bytes(dir.resolve('lorax-9.7-x86_64.tar.gz'), 50_000, 5)
        String key = 'complete/buildiso-9-amd64/1764000000/lorax-9.7-x86_64.tar.gz'
        store.put(file, key, log)
        Path into = dir.resolve('fetched/lorax-9.7-x86_64.tar.gz')
        Files.createDirectories(into.parent)
        Files.copy(file, into)

        when:
        store.fetch(key, into, log)

        then:
        logged.toString().contains("$into is already complete (50000 bytes, sha256 ${Checksums.sha256(file)}): not downloaded again")
    }

    def "a key that is not in the bucket fails its task, naming it"() {
        when:
        store.fetch('missing/lorax.tar.gz', dir.resolve('x'), log)

        then:
        def failure = thrown(TaskFailure)
        failure.message == "there is no s3://results/missing/lorax.tar.gz (at ${server.endpoint()})"
    }

    private void backend(String key, String content) {
        Path path = server.bucketDirectory(BUCKET).resolve(key)
        Files.createDirectories(path.parent)
        Files.writeString(path, content)
    }

    private static Path bytes(Path file, int size, long seed) {
        byte[] content = new byte[size]
        new Random(seed).nextBytes(content)
        Files.createDirectories(file.parent)
        Files.write(file, content)
    }
}
