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
import org.relengine.steps.files.FileActions;
import org.relengine.steps.finalize.FinalizeStep;
import org.relengine.steps.prepare.PrepareStep;

/** {@code torrents}: a torrent of each disc, with mktorrent; a failed one fails nothing else. */
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
        ComposeLayout layout = context.layout();
        for (Image image : context.recipe().images()) {
            if (!image.disc() || !image.built()) {
                continue;
            }
            for (String arch : context.recipe().arches()) {
                if (!context.selected(arch)
                        || (context.options().scope().compose() && !context.planned(new ExtrasKey(image.name(), arch)))) {
                    continue;
                }
                String name = release.shortName() + "-" + release.version() + "-" + arch + "-" + image.name();
                List<String> argv = new ArrayList<>(List.of("mktorrent"));
                for (String announce : torrents.announce()) {
                    argv.add("-a");
                    argv.add(announce);
                }
                if (!torrents.comment().isEmpty()) {
                    argv.add("-c");
                    argv.add(torrents.comment());
                }
                String iso = layout.isos(arch) + "/" + release.isoName(arch, image.name());
                String output = layout.torrents() + "/" + name + ".torrent";
                String partial = FileActions.partial(output);
                argv.addAll(List.of("-n", release.isoName(arch, image.name()), "-o", partial, iso));
                context.add(new PlannedTask(new TorrentKey(image.name(), arch), null, arch,
                        context.plannedOf(List.of(FinalizeStep.KEY), PrepareStep.KEY), List.of(iso), List.of(output),
                        Executor.LOCAL, true, List.of(new Action.MakeDirectory(layout.torrents()),
                        FileActions.remove(partial, "remove a partial " + partial
                                + " left by an interrupted run (mktorrent will not overwrite it)"),
                        new Action.Exec(argv), FileActions.moveIntoPlace(partial, output))));
            }
        }
    }

    @Override
    public Optional<StepDescription> describe(Step step) {
        return step instanceof Step.Torrents s ? Optional.of(new StepDescription().add(s.announce().size()
                + " trackers")) : Optional.empty();
    }
}
