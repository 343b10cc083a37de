package org.relengine.steps.cloud;

import org.relengine.plan.spi.StepDescription;
import java.util.Optional;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relengine.formats.AtomicFiles;
import org.relengine.formats.Checksums;
import org.relengine.formats.CloudImageTypes;
import org.relengine.formats.ImageIdentity;
import org.relengine.model.CloudImage;
import org.relengine.model.Executor;
import org.relengine.model.Release;
import org.relengine.model.Step;
import org.relengine.net.Wait;
import org.relengine.plan.Action;
import org.relengine.plan.ComposeLayout;
import org.relengine.plan.OperationKey;
import org.relengine.plan.PlanException;
import org.relengine.plan.TaskKind;
import org.relengine.plan.spi.Operation;
import org.relengine.plan.spi.Params;
import org.relengine.plan.spi.Phase;
import org.relengine.plan.spi.PlanContext;
import org.relengine.plan.spi.PlannedTask;
import org.relengine.plan.spi.AbstractStepUnit;
import org.relengine.steps.prepare.PrepareStep;
import org.relengine.store.ArtifactStore;
import org.relengine.store.ResultKeys;

/** {@code cloud}: each cloud image's newest build, pulled from the artifact store with its checksum and aliases. */
public final class CloudStep extends AbstractStepUnit {

    public static final TaskKind KIND = new TaskKind("cloud", "images");

    private static final OperationKey DOWNLOAD_IMAGE = new OperationKey("download-image");

    public CloudStep() {
        super(Phase.NEW_COMPOSE, KIND);
    }

    @Override
    public void plan(PlanContext context) {
        context.recipe().step(Step.Cloud.class).ifPresent(cloud -> cloud(context, cloud));
    }

    private static void cloud(PlanContext context, Step.Cloud cloud) {
        Release release = context.release();
        ComposeLayout layout = context.layout();
        ArtifactStore.Location store = ArtifactStore.location(context.recipe(), layout.work());
        for (var image : context.recipe().cloudImages()) {
            if (cloud.types() != null && !cloud.types().contains(image.type())) {
                continue;
            }
            List<String> variants = image.variants().isEmpty() ? List.of("") : image.variants();
            for (String variant : variants) {
                String name = variant.isEmpty() ? image.type() : image.type() + "-" + variant;
                var productmd = CloudImageTypes.of(image.format(), variant).orElseThrow(() -> unlistable(image, name));
                String prefix = release.shortName() + "-" + release.major() + "-";
                for (String arch : context.selected(image.arches())) {
                    // Rocky names the file Rocky-9-GenericCloud-Base-…: that name is the image's subvariant
                    context.images().list(arch, "images/" + arch + "/" + prefix + name + "-" + release.version()
                                    + "-*." + arch + "." + image.format(),
                            new ImageIdentity(name, productmd.type(), productmd.format()));
                    ResultKeys keys = ResultKeys.cloud(release, arch, name, prefix + name + "-" + release.version()
                            + "-", "." + arch + "." + image.format());
                    Map<String, String> params = new LinkedHashMap<>(store.params());
                    params.putAll(Params.of("prefix", keys.prefix(), "match", keys.match(), "suffix", keys.suffix(),
                            "into", layout.workImages(arch),
                            "latest", prefix + name + ".latest." + arch + "." + image.format(),
                            "primary", variant.equals(image.primary())
                                    ? prefix + image.type() + ".latest." + arch + "." + image.format() : ""));
                    context.add(new PlannedTask(new CloudKey(name, arch), null, arch, List.of(PrepareStep.KEY),
                            List.of(store.display()), List.of(layout.workImages(arch)), Executor.LOCAL,
                            cloud.failable().failableOn(arch), List.of(
                            new Action.MakeDirectory(layout.workImages(arch)),
                            new Action.Internal(DOWNLOAD_IMAGE, "download the newest "
                                    + store.where(keys.pattern()) + " (highest epoch) into " + layout.workImages(arch)
                                    + " with its .CHECKSUM and latest aliases", List.of(layout.workImages(arch)),
                                    params)), cloud.retry()));
                }
            }
        }
    }

    private static PlanException unlistable(CloudImage image, String name) {
        if (image.format().equals("box")) {
            return new PlanException("cloud image `" + name + "`: a Vagrant box needs a variant that names its "
                    + "provider, for the productmd type of images.json",
                    "variants: " + String.join(", ", CloudImageTypes.boxVariants()) + " (any case)");
        }
        return new PlanException("cloud image `" + image.type() + "`: productmd has no image type for format `"
                + image.format() + "`, so images.json could not list it",
                "formats: " + String.join(", ", CloudImageTypes.formats()));
    }

    @Override
    public Map<OperationKey, Operation> operations() {
        return Map.of(DOWNLOAD_IMAGE, (p, log, context) -> download(p, log, context.network()));
    }

    private static void download(Map<String, String> p, PrintWriter log, Wait wait) throws IOException {
        Path into = Path.of(p.get("into"));
        ArtifactStore.Fetched fetched = ArtifactStore.fetchNewest(ArtifactStore.Location.of(p), wait,
                new ResultKeys(p.get("prefix"), p.get("match"), p.get("suffix")), into, "image", log);
        String key = fetched.key();
        Path image = fetched.file();
        String name = image.getFileName().toString();
        AtomicFiles.write(into.resolve(name + ".CHECKSUM"), Checksums.fileChecksum(image));
        for (String alias : List.of(p.get("latest"), p.get("primary"))) {
            if (alias != null && !alias.isEmpty()) {
                AtomicFiles.link(into.resolve(alias), Path.of(name));
                AtomicFiles.write(into.resolve(alias + ".CHECKSUM"), Checksums.fileChecksum(into.resolve(alias)));
            }
        }
        log.println("downloaded " + key + " into " + into);
    }

    @Override
    public Optional<StepDescription> describe(Step step) {
        return step instanceof Step.Cloud s ? Optional.of(new StepDescription().add(s.types() == null
                ? "every declared type" : String.join(", ", s.types())).failable(s.failable()).retry(s.retry()))
                : Optional.empty();
    }
}
