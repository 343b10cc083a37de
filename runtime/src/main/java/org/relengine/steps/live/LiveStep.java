package org.relengine.steps.live;

import org.relengine.plan.spi.StepDescription;
import java.util.Optional;
import java.util.List;
import org.relengine.formats.ImageIdentity;
import org.relengine.model.Release;
import org.relengine.model.Step;
import org.relengine.plan.Action;
import org.relengine.plan.TaskKind;
import org.relengine.plan.spi.Phase;
import org.relengine.plan.spi.PlanContext;
import org.relengine.plan.spi.PlannedTask;
import org.relengine.plan.spi.AbstractStepUnit;
import org.relengine.steps.prepare.PrepareStep;

/** {@code live}: each live image with livemedia-creator, from its kickstart. */
public final class LiveStep extends AbstractStepUnit {

    public static final TaskKind KIND = new TaskKind("live", "images");

    public LiveStep() {
        super(Phase.NEW_COMPOSE, KIND);
    }

    @Override
    public void plan(PlanContext context) {
        context.recipe().step(Step.Live.class).ifPresent(live -> live(context, live));
    }

    private static void live(PlanContext context, Step.Live live) {
        Release release = context.release();
        for (var image : context.recipe().liveImages()) {
            if (live.images() != null && !live.images().contains(image.name())) {
                continue;
            }
            for (String arch : context.selected(image.arches())) {
                String iso = release.shortName() + "-" + release.version() + "-" + image.name() + "-" + arch
                        + "-<date>.<n>.iso";
                // Pungi's live media phase: the live image's name is its subvariant
                context.images().list(arch, "live/" + arch + "/" + release.shortName() + "-" + release.version() + "-"
                        + image.name() + "-" + arch + "-*.iso", new ImageIdentity(image.name(), "live", "iso"));
                context.add(new PlannedTask(new LiveKey(image.name(), arch), null, arch, List.of(PrepareStep.KEY),
                        List.of(image.kickstart()), List.of(context.layout().workLive(arch)), live.on(),
                        live.failable().failableOn(arch), List.of(new Action.Exec(List.of("livemedia-creator",
                        "--ks", "/builddir/ks.cfg", "--no-virt", "--resultdir", "/builddir/lmc",
                        "--project=" + release.name() + " " + image.name(), "--make-iso",
                        "--volid", release.shortName() + "-" + release.version() + "-" + image.name(),
                        "--iso-only", "--iso-name", iso, "--releasever=" + release.version(),
                        "--nomacboot"))), live.retry()));
            }
        }
    }

    @Override
    public Optional<StepDescription> describe(Step step) {
        return step instanceof Step.Live s ? Optional.of(new StepDescription().add(s.images() == null
                ? "every declared image" : String.join(", ", s.images())).on(s.on()).failable(s.failable())
                .retry(s.retry())) : Optional.empty();
    }
}
