package org.relengine.steps.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.relengine.formats.ImageIdentity;
import org.relengine.model.Executor;
import org.relengine.model.LiveImage;
import org.relengine.model.Release;
import org.relengine.model.Step;
import org.relengine.plan.Action;
import org.relengine.plan.ComposeLayout;
import org.relengine.plan.TaskKind;
import org.relengine.plan.spi.AbstractStepUnit;
import org.relengine.plan.spi.Phase;
import org.relengine.plan.spi.PlanContext;
import org.relengine.plan.spi.PlannedTask;
import org.relengine.plan.spi.StepDescription;
import org.relengine.steps.files.FileActions;
import org.relengine.steps.prepare.PrepareStep;
import org.relengine.steps.unpack.IsoCompanions;

/**
 * {@code live}: each live image on each of its arches, as the toolkit's build-iso-live builds it: in the chroot,
 * the kickstarts cloned at their branch, the image's kickstart flattened with ksflatten, the ISO made by
 * livemedia-creator without a virtual machine; then, as its {@code --just-copy-it} does, the ISO in
 * {@code work/live/<arch>/} with its {@code -latest} link and a {@code .CHECKSUM} for both names. finalize moves
 * them into the compose.
 */
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
        ComposeLayout layout = context.layout();
        String stamp = context.options().dateStamp();
        // the toolkit's `<YYYYMMDD>.<increment>`, increment 0
        String date = (stamp == null ? "<YYYYMMDD>" : stamp.substring(0, 8)) + ".0";
        for (LiveImage image : context.recipe().liveImages()) {
            if (live.images() != null && !live.images().contains(image.name())) {
                continue;
            }
            for (String arch : context.selected(image.arches())) {
                String prefix = release.shortName() + "-" + release.version() + "-" + image.name() + "-" + arch + "-";
                String iso = layout.workLive(arch) + "/" + prefix + date + ".iso";
                String latest = layout.workLive(arch) + "/" + release.shortName() + "-" + release.major() + "-"
                        + image.name() + "-" + arch + "-latest.iso";
                List<Action> actions = actions(layout, release, live, image, arch, iso, latest);
                context.add(new PlannedTask(new LiveKey(image.name(), arch), null, arch, List.of(PrepareStep.KEY),
                        List.of(), List.of(iso, latest), live.on(), live.failable().failableOn(arch), actions,
                        live.retry()));
                // Pungi's live media phase: the live image's name is its subvariant
                context.images().list(arch, "live/" + arch + "/" + prefix + "*.iso",
                        new ImageIdentity(image.name(), "live", "iso"));
            }
        }
    }

    private static List<Action> actions(ComposeLayout layout, Release release, Step.Live live, LiveImage image,
                                        String arch, String iso, String latest) {
        String build = layout.work() + "/live-build/" + image.name() + "-" + arch;
        String name = iso.substring(iso.lastIndexOf('/') + 1);
        String kickstart = build + "/ks/live/" + release.major() + "/" + arch + "/" + live.kickstartSet() + "/"
                + image.kickstart();
        List<Action> actions = new ArrayList<>();
        // livemedia-creator refuses a result directory that exists, git a clone into one that is not empty
        actions.add(FileActions.removeTree(build, "remove " + build + ", left by an earlier attempt"));
        actions.add(new Action.MakeDirectory(build));
        actions.add(new Action.MakeDirectory(layout.workLive(arch)));
        if (live.on() == Executor.MOCK) {
            List<String> install = new ArrayList<>(List.of("dnf", "install", "-y"));
            install.addAll(live.packages());
            actions.add(new Action.Exec(install));
        }
        actions.add(new Action.Exec(List.of("git", "clone", "--depth", "1", "--branch", live.ref(), live.kickstarts(),
                build + "/ks")));
        actions.add(new Action.Exec(List.of("ksflatten", "-c", kickstart, "-o", build + "/ks.cfg")));
        actions.add(new Action.Exec(List.of("livemedia-creator", "--ks", build + "/ks.cfg", "--no-virt",
                "--resultdir", build + "/lmc", "--project=" + release.name() + " " + image.name(), "--make-iso",
                "--volid", release.shortName() + "-" + release.version() + "-" + image.name(), "--iso-only",
                "--iso-name", name, "--releasever=" + release.version(), "--nomacboot")));
        actions.add(FileActions.moveIntoPlace(build + "/lmc/" + name, iso));
        actions.add(new Action.Symlink(latest, name));
        actions.add(IsoCompanions.checksum(iso));
        actions.add(IsoCompanions.checksum(latest));
        actions.add(FileActions.removeTree(build, "remove " + build + ": the kickstarts and livemedia-creator's "
                + "work, now that the ISO is in place"));
        return actions;
    }

    @Override
    public Optional<StepDescription> describe(Step step) {
        return step instanceof Step.Live s ? Optional.of(new StepDescription().add(s.images() == null
                ? "every declared image" : String.join(", ", s.images())).add("kickstarts " + s.kickstarts() + " at "
                + s.ref() + " (" + s.kickstartSet() + ")").on(s.on()).failable(s.failable()).retry(s.retry()))
                : Optional.empty();
    }
}
