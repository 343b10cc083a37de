package org.relengine.steps.finalize;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relengine.formats.Checksums;
import org.relengine.formats.ImageIdentity;
import org.relengine.formats.ProductMetadata;
import org.relengine.model.Channel;
import org.relengine.model.ComposePaths;
import org.relengine.model.Executor;
import org.relengine.model.Release;
import org.relengine.model.Repo;
import org.relengine.model.Step;
import org.relengine.plan.Action;
import org.relengine.plan.ComposeLayout;
import org.relengine.plan.ProducerKey;
import org.relengine.plan.TaskKey;
import org.relengine.plan.TaskKind;
import org.relengine.plan.spi.Params;
import org.relengine.plan.spi.Phase;
import org.relengine.plan.spi.PlanContext;
import org.relengine.plan.spi.PlannedTask;
import org.relengine.plan.spi.Producer;
import org.relengine.plan.spi.AbstractStepUnit;
import org.relengine.steps.files.FileActions;
import org.relengine.steps.unpack.BootTrees;

/**
 * {@code finalize}: Rocky's finalize_compose. The images moved into the compose with their CHECKSUM files, the
 * productmd metadata, the compose's STATUS, and the latest link; after every other task of the compose.
 */
public final class FinalizeStep extends AbstractStepUnit {

    public static final TaskKind KIND = new TaskKind("finalize", "compose");
    public static final TaskKey KEY = TaskKey.of(KIND);

    private static final ProducerKey CHECKSUMS = new ProducerKey("merged-checksums",
            "CHECKSUM from the per-file .CHECKSUM files");
    private static final ProducerKey STATUS = new ProducerKey("compose-status", "compose status");
    private static final ProducerKey COMPOSEINFO = productmd("composeinfo.json");
    private static final ProducerKey IMAGES = productmd("images.json");
    private static final ProducerKey RPMS = productmd("rpms.json");

    /** The directory's {@code CHECKSUM}: its {@code *.CHECKSUM} files one after the other, in name order. */
    public static Action mergedChecksum(String dir) {
        return new Action.WriteFile(dir + "/CHECKSUM", CHECKSUMS, null, Params.of("dir", dir));
    }

    private static ProducerKey productmd(String file) {
        return new ProducerKey("productmd-" + file, "productmd 1.2 " + file);
    }

    public FinalizeStep() {
        super(Phase.NEW_COMPOSE, KIND);
    }

    @Override
    public void plan(PlanContext context) {
        if (context.recipe().step(Step.Finalize.class).isEmpty()) {
            return;
        }
        Release release = context.release();
        ComposeLayout layout = context.layout();
        List<TaskKey> sinks = context.sinks();
        List<Action> actions = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        for (String arch : context.selected(context.recipe().arches())) {
            for (String kind : List.of("isos", "images", "live")) {
                String from = layout.work() + "/" + kind + "/" + arch;
                String to = layout.compose() + "/" + kind + "/" + arch;
                if (!context.producedInto(from)) {
                    // no task writes images of this kind for this arch: there is nothing to move, and no CHECKSUM
                    continue;
                }
                actions.add(FileActions.moveDirectory(from, to));
                actions.add(mergedChecksum(to));
                // the directory, not only its CHECKSUM: what --resume checks of the images moved into it
                outputs.add(to);
            }
        }
        actions.add(new Action.MakeDirectory(layout.metadata()));
        actions.add(new Action.WriteFile(layout.metadata() + "/COMPOSE_ID", "compose id", layout.composeId()));
        String stamp = context.options().dateStamp();
        Map<String, String> metadata = Params.of("compose", layout.compose(), "id", layout.composeId(),
                "date", stamp == null ? ComposePaths.DATE_PLACEHOLDER : stamp,
                "name", release.name(), "short", release.shortName(), "version", release.version(),
                "type", release.channel() == Channel.STABLE ? "ga" : "updates-testing",
                "final", String.valueOf(release.isFinal()), "owner", BootTrees.imagesOwner(context.recipe()));
        for (Repo repo : context.repos()) {
            metadata.put("variant." + repo.name(), String.join(",", context.recipe().syncArches(repo)));
        }
        for (ProducerKey file : List.of(COMPOSEINFO, IMAGES, RPMS)) {
            Map<String, String> params = new LinkedHashMap<>(metadata);
            if (file.equals(IMAGES)) {
                context.images().forEach((path, identity) -> params.put("image." + path, identity.param()));
            }
            String name = file.description().substring("productmd 1.2 ".length());
            actions.add(new Action.WriteFile(layout.metadata() + "/" + name, file, null, params));
            outputs.add(layout.metadata() + "/" + name);
        }
        // FINISHED, or FINISHED_INCOMPLETE when a failable task failed; read from the run's journal
        actions.add(new Action.WriteFile(layout.composeDir() + "/STATUS", STATUS, null,
                Params.of("journal", layout.work() + "/journal")));
        actions.add(new Action.Symlink(context.paths().latestLink(), layout.composeDir()));
        outputs.add(context.paths().latestLink());
        context.add(new PlannedTask(KEY, null, null, sinks, List.of(layout.work()), outputs, Executor.LOCAL, false,
                actions));
    }

    @Override
    public Map<ProducerKey, Producer> producers() {
        return Map.of(
                CHECKSUMS, (p, path, context) -> Checksums.merged(Path.of(p.get("dir"))),
                STATUS, (p, path, context) -> context.finishedStatus(Path.of(p.get("journal"))) + "\n",
                COMPOSEINFO, (p, path, context) -> ProductMetadata.composeinfo(compose(p)),
                IMAGES, (p, path, context) -> ProductMetadata.images(compose(p)),
                RPMS, (p, path, context) -> ProductMetadata.rpms(compose(p)));
    }

    private static ProductMetadata.Compose compose(Map<String, String> p) {
        Map<String, List<String>> variants = new LinkedHashMap<>();
        Map<String, ImageIdentity> images = new LinkedHashMap<>();
        p.forEach((k, v) -> {
            if (k.startsWith("variant.")) {
                variants.put(k.substring("variant.".length()), Arrays.asList(v.split(",")));
            } else if (k.startsWith("image.")) {
                images.put(k.substring("image.".length()), ImageIdentity.parse(v));
            }
        });
        String id = p.get("id");
        String date = id.substring(id.lastIndexOf('-') + 1);
        return new ProductMetadata.Compose(Path.of(p.get("compose")), id, date, p.get("name"), p.get("short"),
                p.get("version"), p.get("type"), Boolean.parseBoolean(p.get("final")), p.get("owner"), variants,
                images);
    }
}
