package org.relengine.steps.unpack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.relengine.formats.Checksums;
import org.relengine.formats.IsoVolume;
import org.relengine.model.Release;
import org.relengine.plan.Action;
import org.relengine.plan.ComposeLayout;
import org.relengine.plan.ProducerKey;
import org.relengine.plan.spi.Params;
import org.relengine.plan.spi.Producer;
import org.relengine.steps.files.FileActions;

/** What goes beside every ISO of the compose: its manifest, its generic and latest aliases, and their checksums. */
public final class IsoCompanions {

    static final ProducerKey MANIFEST = new ProducerKey("iso-manifest", "ISO manifest");
    static final ProducerKey CHECKSUM = new ProducerKey("file-checksum", "checksum");
    /** The image name of lorax's boot ISO. */
    public static final String BOOT = "boot";

    private IsoCompanions() {
    }

    /**
     * An ISO's manifest, its generic and latest aliases, the manifest under the aliases' names, and a .CHECKSUM for
     * each of the three names of the ISO.
     */
    public static void add(List<Action> actions, ComposeLayout layout, Release release, String arch, String iso,
                           String image) {
        String dir = layout.workIsos(arch);
        String name = iso.substring(iso.lastIndexOf('/') + 1);
        manifest(actions, layout, iso);
        String generic = release.genericIsoName(arch, image);
        String latest = release.latestIsoName(arch, image);
        actions.add(new Action.Symlink(dir + "/" + generic, name));
        actions.add(new Action.Symlink(dir + "/" + latest, name));
        // the manifest under the alias names, as build-iso-extra links it; build-iso links the boot ISO's under
        // its latest name only (its generic manifest link is commented out there)
        if (!image.equals(BOOT)) {
            actions.add(new Action.Symlink(dir + "/" + generic + ".manifest", name + ".manifest"));
        }
        actions.add(new Action.Symlink(dir + "/" + latest + ".manifest", name + ".manifest"));
        for (String alias : List.of(name, generic, latest)) {
            actions.add(checksum(dir + "/" + alias));
        }
    }

    /**
     * {@code <iso>.manifest} beside the ISO: every path in it, sorted, from xorriso's listing, as the toolkit's
     * {@code xorriso -dev ISO --find | tail -n+2 | tr -d "'" | cut -c2- | sort}; and the same manifest, as a file of
     * its own, for each link to the ISO named ({@code <link>.manifest}), from the one listing.
     */
    public static void manifest(List<Action> actions, ComposeLayout layout, String iso, String... links) {
        String listing = layout.scratch(iso, ".find");
        actions.add(new Action.Exec(List.of("xorriso", "-dev", iso, "-find", "/"), listing));
        actions.add(new Action.WriteFile(iso + ".manifest", MANIFEST, null, Params.of("listing", listing)));
        for (String link : links) {
            actions.add(new Action.WriteFile(link + ".manifest", MANIFEST, null, Params.of("listing", listing)));
        }
        actions.add(FileActions.remove(listing, "remove " + listing + ", xorriso's listing of the ISO, now in its "
                + "manifest"));
    }

    /** {@code <file>.CHECKSUM}: its size and SHA-256 under its own name (a link's under the link's name). */
    public static Action checksum(String file) {
        return new Action.WriteFile(file + ".CHECKSUM", CHECKSUM, null, Params.of("file", file));
    }

    static Map<ProducerKey, Producer> producers() {
        return Map.of(
                MANIFEST, (p, path, context) -> manifest(p),
                CHECKSUM, (p, path, context) -> Checksums.fileChecksum(Path.of(p.get("file"))));
    }

    private static String manifest(Map<String, String> p) throws IOException {
        return IsoVolume.manifest(Files.readString(Path.of(p.get("listing")), StandardCharsets.UTF_8));
    }
}
