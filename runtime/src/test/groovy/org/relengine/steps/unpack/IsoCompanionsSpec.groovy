package org.relengine.steps.unpack

import java.nio.file.Files
import java.nio.file.Path
import org.relengine.model.Channel
import org.relengine.model.Origin
import org.relengine.model.Position
import org.relengine.model.Release
import org.relengine.plan.Action
import org.relengine.plan.ComposeLayout
import org.relengine.plan.OperationKey
import org.relengine.plan.ProducerKey
import org.relengine.plan.spi.ProducerContext
import org.relengine.steps.StepRegistry
import spock.lang.Specification
import spock.lang.TempDir

/**
 * What goes beside every ISO: its manifest, made from xorriso's listing, which a planned action then removes;
 * its generic and latest aliases; and a .CHECKSUM for each of its three names.
 */
class IsoCompanionsSpec extends Specification {

    /** The SHA-256 of `abc`. */
    static final String ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'

    static final ComposeLayout LAYOUT = new ComposeLayout('/mnt/compose/9/Rocky-9.7-20251111.154233',
            'Rocky-9.7-20251111.154233')
    static final Release RELEASE = new Release('Rocky Linux', 'Rocky', '9.7', 9, 7, null, true, Channel.STABLE, '',
            null, Origin.of(Position.NONE))

    static final ProducerContext NO_RUN = new ProducerContext() {
        long timestamp() {
            1762875753L
        }

        String finishedStatus(Path journal) {
            throw new UnsupportedOperationException('no ISO companion reads the journal')
        }
    }

    @TempDir
    Path dir

    def "the checksum of #what is its size and SHA-256 under the name it is written for"() {
        given:
        Path iso = dir.resolve('Rocky-9.7-x86_64-boot.iso')
        Files.writeString(iso, 'abc')
        Path named = name(iso)

        expect:
        produce('checksum', [file: named.toString()], named.resolveSibling(named.fileName.toString() + '.CHECKSUM')) ==
                "# ${named.fileName}: 3 bytes\nSHA256 (${named.fileName}) = $ABC\n"

        where:
        what                                        | name
        'an ISO'                                    | { Path p -> p }
        'an alias, a link followed to its ISO'      | { Path p -> Files.createSymbolicLink(p.resolveSibling('Rocky-x86_64-boot.iso'), p.fileName) }
    }

    def "the ISO manifest is every path of xorriso's listing, unquoted, without its leading slash, sorted, and the listing is left in place"() {
        given: "xorriso's `-find /` output, with the root, a blank line and a line of its own chatter"
        Path listing = dir.resolve('work/tmp/Rocky-9.7-x86_64-dvd.iso.find')
        Files.createDirectories(listing.parent)
        String text = "'/'\n" +
                "'/Packages'\n" +
                "'/Packages/z/zsh-5.8-9.el9.x86_64.rpm'\n" +
                "  '/.treeinfo'  \n" +
                "\n" +
                "xorriso : NOTE : Tolerated problem event of severity 'WARNING'\n" +
                "'/EFI/BOOT/BOOTX64.EFI'\n" +
                "'/Packages/b/bash-5.1.8-9.el9.x86_64.rpm'\n"
        Files.writeString(listing, text)

        expect:
        produce('ISO manifest', [listing: listing.toString()], dir.resolve('Rocky-9.7-x86_64-dvd.iso.manifest')) ==
                '.treeinfo\n' +
                'EFI/BOOT/BOOTX64.EFI\n' +
                'Packages\n' +
                'Packages/b/bash-5.1.8-9.el9.x86_64.rpm\n' +
                'Packages/z/zsh-5.8-9.el9.x86_64.rpm\n'
        Files.readString(listing) == text
    }

    def "an ISO's companions: its listing, its manifest, the listing removed right after, two aliases, the manifest under both, and three checksums"() {
        given:
        String isos = '/mnt/compose/9/Rocky-9.7-20251111.154233/work/isos/x86_64'
        String iso = isos + '/Rocky-9.7-x86_64-dvd.iso'
        String listing = '/mnt/compose/9/Rocky-9.7-20251111.154233/work/tmp/Rocky-9.7-x86_64-dvd.iso.find'
        List<Action> actions = [new Action.MakeDirectory(isos)]

        when:
        IsoCompanions.add(actions, LAYOUT, RELEASE, 'x86_64', iso, 'dvd')

        then:
        actions == [
                new Action.MakeDirectory(isos),
                new Action.Exec(['xorriso', '-dev', iso, '-find', '/'], listing),
                new Action.WriteFile(iso + '.manifest', new ProducerKey('iso-manifest', 'ISO manifest'), null,
                        [listing: listing]),
                new Action.Internal(new OperationKey('remove-file'), 'remove ' + listing + ", xorriso's listing of "
                        + 'the ISO, now in its manifest', [listing], [path: listing]),
                new Action.Symlink(isos + '/Rocky-x86_64-dvd.iso', 'Rocky-9.7-x86_64-dvd.iso'),
                new Action.Symlink(isos + '/Rocky-9-latest-x86_64-dvd.iso', 'Rocky-9.7-x86_64-dvd.iso'),
                new Action.Symlink(isos + '/Rocky-x86_64-dvd.iso.manifest', 'Rocky-9.7-x86_64-dvd.iso.manifest'),
                new Action.Symlink(isos + '/Rocky-9-latest-x86_64-dvd.iso.manifest', 'Rocky-9.7-x86_64-dvd.iso.manifest'),
                checksum(isos + '/Rocky-9.7-x86_64-dvd.iso'),
                checksum(isos + '/Rocky-x86_64-dvd.iso'),
                checksum(isos + '/Rocky-9-latest-x86_64-dvd.iso')]
    }

    def "the boot ISO's manifest is linked under its latest name only, as build-iso links it"() {
        given:
        String isos = LAYOUT.workIsos('x86_64')
        List<Action> actions = []

        when:
        IsoCompanions.add(actions, LAYOUT, RELEASE, 'x86_64', isos + '/Rocky-9.7-x86_64-boot.iso', 'boot')

        then:
        actions.findAll { it instanceof Action.Symlink }.collect { Action.Symlink l -> [l.link() - (isos + '/'), l.target()] } == [
                ['Rocky-x86_64-boot.iso', 'Rocky-9.7-x86_64-boot.iso'],
                ['Rocky-9-latest-x86_64-boot.iso', 'Rocky-9.7-x86_64-boot.iso'],
                ['Rocky-9-latest-x86_64-boot.iso.manifest', 'Rocky-9.7-x86_64-boot.iso.manifest']]
    }

    def "the manifest's write of the #image ISO for #arch is followed at once by the removal of the listing it read"() {
        given:
        String iso = LAYOUT.workIsos(arch) + '/Rocky-9.7-' + arch + '-' + image + '.iso'
        List<Action> actions = []

        when:
        IsoCompanions.add(actions, LAYOUT, RELEASE, arch, iso, image)
        int manifest = actions.findIndexOf { it instanceof Action.WriteFile && it.path() == iso + '.manifest' }
        Action.WriteFile write = actions[manifest]
        Action.Internal next = actions[manifest + 1]

        then:
        manifest == 1
        next.operation() == new OperationKey('remove-file')
        next.params() == [path: write.params().listing]
        next.paths() == [write.params().listing]
        (actions[0] as Action.Exec).stdout() == write.params().listing
        StepRegistry.standard().operation('remove-file') == Optional.of(next.operation())

        where:
        arch      | image
        'x86_64'  | 'boot'
        'x86_64'  | 'dvd'
        'aarch64' | 'minimal'
    }

    private static Action.WriteFile checksum(String file) {
        new Action.WriteFile(file + '.CHECKSUM', new ProducerKey('file-checksum', 'checksum'), null, [file: file])
    }

    private static String produce(String description, Map<String, String> params, Path path) {
        StepRegistry registry = StepRegistry.standard()
        registry.producer(registry.producer(description).orElseThrow()).produce(params, path, NO_RUN)
    }
}
