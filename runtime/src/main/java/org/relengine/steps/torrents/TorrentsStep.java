package org.relengine.steps.torrents;

import org.relengine.plan.spi.StepDescription;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import org.relengine.model.Executor;
import org.relengine.model.Image;
import org.relengine.model.Release;
import org.relengine.model.Step;
import org.relengine.plan.Action;
import org.relengine.plan.ComposeLayout;
import org.relengine.plan.TaskKind;
import org.relengine.plan.spi.Phase;
import org.relengine.plan.spi.PlanContext;
import org.relengine.plan.spi.PlannedTask;
import org.relengine.plan.spi.AbstractStepUnit;
import org.relengine.steps.extras.ExtrasKey;
import org.relengine.steps.unpack.IsoCompanions;
import org.relengine.steps.unpack.UnpackKey;
import org.relengine.steps.files.FileActions;
import org.relengine.steps.finalize.FinalizeStep;
import org.relengine.steps.minorrelease.MinorReleaseStep;
import org.relengine.steps.prepare.PrepareStep;

/**
 * {@code torrents}: a torrent of each disc as gen-torrents.sh makes them: a directory named after the ISO
 * ({@code Rocky-9.7-x86_64-dvd}) holding links to the ISO, its {@code .CHECKSUM} and {@code .manifest} and the
 * arch's {@code CHECKSUM}, made into one torrent of that name with mktorrent; the boot ISO's too when the compose
 * unpacks one. A failed torrent fails nothing else.
 */
public final class TorrentsStep extends AbstractStepUnit {

    public static final TaskKind KIND = new TaskKind("torrents", "publish");

    public TorrentsStep() {
        super(Phase.PUBLISH, KIND);
    }

    @Override
    public void plan(PlanContext context) {
        context.recipe().step(Step.Torrents.class).ifPresent(torrents -> torrents(context, torrents));
    }

    private static void torrents(PlanContext context, Step.Torrents torrents) {
        Release release = context.release();
        boolean boot = context.recipe().step(Step.Unpack.class).isPresent();
        // a run that composes makes a torrent of what it builds; an update run builds no ISO
        boolean composing = context.options().scope().compose();
        for (String arch : context.selected(context.recipe().arches())) {
            if (boot && context.options().image() == null
                    && (!composing || context.planned(new UnpackKey(arch)))) {
                torrent(context, torrents, IsoCompanions.BOOT, arch, release.bootIsoName(arch));
            }
            for (Image image : context.recipe().images()) {
                if (image.disc() && image.built() && (!composing || context.planned(new ExtrasKey(image.name(), arch)))) {
                    torrent(context, torrents, image.name(), arch, release.isoName(arch, image.name()));
                }
            }
        }
    }

    private static void torrent(PlanContext context, Step.Torrents torrents, String variant, String arch, String iso) {
        ComposeLayout layout = context.layout();
        String name = iso.substring(0, iso.length() - ".iso".length());
        // gen-torrents.sh: the directory where rtorrent downloads (seeds) from, the torrent into its watch directory
        String base = torrents.dir() != null ? torrents.dir() : layout.torrents();
        String dir = base + "/" + name;
        String output = (torrents.watch() != null ? torrents.watch() : base) + "/" + name + ".torrent";
        String partial = FileActions.partial(output);
        List<Action> actions = new ArrayList<>(List.of(new Action.MakeDirectory(dir)));
        // gen-torrents.sh links CHECKSUM* and the ISO's files, and leaves CHECKSUM.asc out of the torrent
        // a compose made elsewhere has its ISOs where minorRelease put them, in staging
        MinorReleaseStep.IsosKey staged = new MinorReleaseStep.IsosKey(arch);
        String isos = context.planned(staged) ? context.paths().stagingDir() + "/isos/" + arch : layout.isos(arch);
        for (String file : List.of("CHECKSUM", iso, iso + ".CHECKSUM", iso + ".manifest")) {
            actions.add(new Action.Symlink(dir + "/" + file, isos + "/" + file));
        }
        List<String> argv = new ArrayList<>(List.of("mktorrent"));
        for (String announce : torrents.announce()) {
            argv.addAll(List.of("-a", announce));
        }
        if (!torrents.comment().isEmpty()) {
            argv.addAll(List.of("-c", torrents.comment(context.release())));
        }
        argv.addAll(List.of("-n", name, "-o", partial, dir));
        if (torrents.watch() != null) {
            actions.add(new Action.MakeDirectory(torrents.watch()));
        }
        actions.add(FileActions.remove(partial, "remove a partial " + partial
                + " left by an interrupted run (mktorrent will not overwrite it)"));
        actions.add(new Action.Exec(argv));
        actions.add(FileActions.moveIntoPlace(partial, output));
        context.add(new PlannedTask(new TorrentKey(variant, arch), null, arch,
                context.plannedOf(List.of(FinalizeStep.KEY, staged), PrepareStep.KEY), List.of(isos + "/" + iso),
                List.of(output, dir), Executor.LOCAL, true, actions));
    }

    @Override
    public Optional<StepDescription> describe(Step step) {
        return step instanceof Step.Torrents s ? Optional.of(new StepDescription().add(s.announce().size()
                + " trackers").addIf(s.dir() != null, "in " + s.dir()).addIf(s.watch() != null, "watched from "
                + s.watch())) : Optional.empty();
    }
}
