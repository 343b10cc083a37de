package org.relengine.steps.finalize

import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files
import java.nio.file.Path
import org.relengine.plan.ProducerKey
import org.relengine.plan.spi.ProducerContext
import org.relengine.steps.StepRegistry
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The files finalize writes whose content is made when it runs: an arch directory's CHECKSUM merged from the
 * per-file .CHECKSUM files, the compose's STATUS from the run's journal, and the productmd metadata, each found
 * under the description a plan names it by.
 */
class FinalizeProducersSpec extends Specification {

    static final ObjectMapper JSON = new ObjectMapper()

    static final String BOOT = '# Rocky-9.7-x86_64-boot.iso: 4 bytes\n' +
            'SHA256 (Rocky-9.7-x86_64-boot.iso) = 0b6a2b7c3c2fb4d7cc7e8b5b8ed1f1c8e06f2d5b1fd04e4e0a1a5c3b6d7e8f90\n'
    static final String DVD = '# Rocky-9.7-x86_64-dvd.iso: 3 bytes\n' +
            'SHA256 (Rocky-9.7-x86_64-dvd.iso) = 5f3a9d5c1e2b4a6f8d0c2e4a6b8d0f2a4c6e8a0b2d4f6a8c0e2a4b6d8f0a2c4e\n'
    static final String MINIMAL = '# Rocky-9.7-x86_64-minimal.iso: 7 bytes\n' +
            'SHA256 (Rocky-9.7-x86_64-minimal.iso) = 9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d\n'

    @TempDir
    Path dir

    /** What the run would lend: the status it reads from a journal, and which journal it was asked about. */
    class FakeProducing implements ProducerContext {
        String status
        List<Path> asked = []

        long timestamp() {
            1762875753L
        }

        String finishedStatus(Path journal) {
            asked << journal
            status
        }
    }

    def "the CHECKSUM of an arch directory is every .CHECKSUM file in it, in name order, and nothing else"() {
        given: 'written out of order, beside the images, an older CHECKSUM and a file whose name merely holds CHECKSUM'
        Path isos = Files.createDirectories(dir.resolve('compose/isos/x86_64'))
        Files.writeString(isos.resolve('Rocky-9.7-x86_64-minimal.iso.CHECKSUM'), MINIMAL)
        Files.writeString(isos.resolve('Rocky-9.7-x86_64-boot.iso.CHECKSUM'), BOOT)
        Files.writeString(isos.resolve('Rocky-9.7-x86_64-dvd.iso.CHECKSUM'), DVD)
        Files.writeString(isos.resolve('Rocky-9.7-x86_64-dvd.iso'), 'dvd')
        Files.writeString(isos.resolve('CHECKSUM'), 'stale\n')
        Files.writeString(isos.resolve('CHECKSUM.asc'), 'signature\n')

        expect:
        produce('CHECKSUM from the per-file .CHECKSUM files', [dir: isos.toString()], isos.resolve('CHECKSUM')) ==
                BOOT + DVD + MINIMAL
    }

    def "an arch directory with #what gets no CHECKSUM: the producer has nothing to write"() {
        given:
        Path images = dir.resolve('compose/images/aarch64')
        prepare(images)

        expect:
        produce('CHECKSUM from the per-file .CHECKSUM files', [dir: images.toString()], images.resolve('CHECKSUM')) == null

        where:
        what                          | prepare
        'no .CHECKSUM file'           | { Path d -> Files.createDirectories(d); Files.writeString(d.resolve('README'), 'x') }
        'nothing in it'               | { Path d -> Files.createDirectories(d) }
        'no directory there at all'   | { Path d -> }
    }

    def "the compose status is how the run's journal says the compose ends, on a line of its own: #status"() {
        given:
        Path journal = dir.resolve('work/journal')
        FakeProducing producing = new FakeProducing(status: status)

        expect:
        StepRegistry.standard().producer(new ProducerKey('compose-status', 'compose status'))
                .produce([journal: journal.toString()], dir.resolve('STATUS'), producing) == status + '\n'
        producing.asked == [journal]

        where:
        status << ['FINISHED', 'FINISHED_INCOMPLETE']
    }

    def "the compose status producer is found by its description"() {
        given:
        FakeProducing producing = new FakeProducing(status: 'FINISHED')

        expect:
        produce('compose status', [journal: dir.resolve('work/journal').toString()], dir.resolve('STATUS'), producing) ==
                'FINISHED\n'
    }

    def "the #name golden plan writes productmd metadata under the three descriptions finalize registers"() {
        given:
        List<String> productmd = producersOf(name).findAll { it.startsWith('productmd') }.unique()

        expect:
        productmd == ['productmd 1.2 composeinfo.json', 'productmd 1.2 images.json', 'productmd 1.2 rpms.json']
        productmd.collect { StepRegistry.standard().producer(it) } == [
                Optional.of(new ProducerKey('productmd-composeinfo.json', 'productmd 1.2 composeinfo.json')),
                Optional.of(new ProducerKey('productmd-images.json', 'productmd 1.2 images.json')),
                Optional.of(new ProducerKey('productmd-rpms.json', 'productmd 1.2 rpms.json'))]

        where:
        name << ['rocky8', 'rocky9', 'rocky9-beta']
    }

    def "every file the #name golden plan leaves to a producer has one registered under its description"() {
        given:
        List<String> descriptions = producersOf(name).unique()

        expect:
        descriptions.containsAll(['checksum', 'ISO manifest', "the disc's .treeinfo", 'compose status',
                                  'CHECKSUM from the per-file .CHECKSUM files'])
        descriptions.findAll { StepRegistry.standard().producer(it).isEmpty() } == []

        where:
        name << ['rocky8', 'rocky9', 'rocky9-beta']
    }

    /** The descriptions of the producers a golden plan's writes name (those whose content the plan does not hold). */
    private static List<String> producersOf(String plan) {
        def root = JSON.readTree(Path.of("src/test/resources/golden/${plan}.plan.json").toFile())
        root.path('tasks').collectMany { task ->
            task.path('actions').findAll { it.path('type').asText() == 'write' && it.path('content').isNull() }
                    .collect { it.path('producer').asText() }
        }
    }

    private String produce(String description, Map<String, String> params, Path path,
                           ProducerContext producing = new FakeProducing(status: 'FINISHED')) {
        StepRegistry registry = StepRegistry.standard()
        registry.producer(registry.producer(description).orElseThrow()).produce(params, path, producing)
    }
}
