package org.relengine.steps.lorax;

import org.relengine.plan.spi.StepDescription;
import java.util.Optional;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relengine.model.Executor;
import org.relengine.model.Release;
import org.relengine.model.Source;
import org.relengine.model.Step;
import org.relengine.plan.Action;
import org.relengine.plan.ComposeLayout;
import org.relengine.plan.OperationKey;
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

/** {@code iso}: each arch's boot image with lorax, packed and put into the artifact store. */
public final class LoraxStep extends AbstractStepUnit {

    public static final TaskKind KIND = new TaskKind("lorax", "images");

    private static final OperationKey UPLOAD = new OperationKey("upload-artifact");

    public LoraxStep() {
        super(Phase.NEW_COMPOSE, KIND);
    }

    @Override
    public void plan(PlanContext context) {
        context.recipe().step(Step.Iso.class).ifPresent(iso -> lorax(context, iso));
    }

    private static void lorax(PlanContext context, Step.Iso iso) {
        var recipe = context.recipe();
        if (recipe.lorax() == null) {
            return;
        }
        Release release = context.release();
        ComposeLayout layout = context.layout();
        ArtifactStore.Location store = ArtifactStore.location(recipe, layout.work());
        Source source = PrepareStep.syncSource(recipe).orElse(null);
        for (String arch : context.selected(iso.arches())) {
            List<String> sources = new ArrayList<>();
            if (source != null) {
                for (String repo : recipe.lorax().repos()) {
                    recipe.repo(repo).ifPresent(r -> sources.add(source.binaryUrl(r.from(), release.major(), arch)));
                }
            }
            // after the repos', as the toolkit's build_repo_list appends its extra_repos
            sources.addAll(Lorax.moreSources(recipe.lorax(), release.major(), arch));
            String tarball = Lorax.tarball(release, arch);
            // here, in podman and in mock (the compose mounted at its own path) lorax builds in the compose's work
            // tree; in a pod, in the pod's own /builddir
            boolean here = iso.on() != Executor.KUBERNETES;
            String build = here ? layout.loraxBuild(arch) : Lorax.BUILDDIR;
            List<Action> actions = new ArrayList<>();
            if (here) {
                actions.add(new Action.MakeDirectory(build));
            }
            if (!recipe.lorax().removes().isEmpty()) {
                Lorax.templateCopy(recipe.lorax().removes(), build).forEach(argv -> actions.add(new Action.Exec(argv)));
            }
            actions.add(new Action.Exec(Lorax.argv(release, recipe.lorax(), sources, arch, build)));
            actions.add(new Action.Exec(List.of("tar", "-C", build, "-czf", build + "/" + tarball, "lorax",
                    Lorax.log(arch))));
            ResultKeys keys = ResultKeys.lorax(release, arch);
            String results = store.where(keys.prefix().substring(0, keys.prefix().length() - 1));
            if (iso.on() == Executor.KUBERNETES && store.s3()) {
                // in a pod the task runs only commands: the toolkit image's aws CLI uploads, the epoch taken there
                actions.add(new Action.Exec(awsUpload(store, keys, build + "/" + tarball)));
            } else {
                Map<String, String> params = new LinkedHashMap<>(store.params());
                params.putAll(Params.of("file", build + "/" + tarball, "prefix", keys.prefix(), "name", tarball));
                actions.add(new Action.Internal(UPLOAD, "upload " + tarball + " to " + store.where(keys.pattern()),
                        List.of(results), params));
            }
            context.add(new PlannedTask(new LoraxKey(arch), null, arch, List.of(PrepareStep.KEY), sources,
                    List.of(results), iso.on(), iso.failable().failableOn(arch), actions));
        }
    }

    /**
     * The script that uploads a result from a pod. Its text is fixed; the file, bucket, prefix and name are its
     * arguments, so that nothing in them is read by the shell; the epoch is the pod's clock at upload.
     */
    static final String AWS_UPLOAD = "file=$1 bucket=$2 prefix=$3 name=$4; shift 4; "
            + "key=\"$prefix$(date +%s)/$name\"; "
            + "aws s3 cp \"$file\" \"s3://$bucket/$key\" --checksum-algorithm SHA256 \"$@\"; "
            + "echo \"uploaded $file to s3://$bucket/$key\"";

    /** {@code aws s3 cp FILE s3://BUCKET/PREFIX<epoch>/NAME --checksum-algorithm SHA256}, run in a pod. */
    static List<String> awsUpload(ArtifactStore.Location store, ResultKeys keys, String file) {
        String script = (store.pathStyle() ? "aws configure set default.s3.addressing_style path; " : "") + AWS_UPLOAD;
        List<String> argv = new ArrayList<>(List.of("sh", "-ec", script, "sh", file, store.bucket(), keys.prefix(),
                keys.suffix()));
        if (store.region() != null) {
            argv.addAll(List.of("--region", store.region()));
        }
        if (store.endpoint() != null) {
            argv.addAll(List.of("--endpoint-url", store.endpoint()));
        }
        return argv;
    }

    @Override
    public Map<OperationKey, Operation> operations() {
        return Map.of(UPLOAD, (p, log, context) -> upload(Path.of(p.get("file")), p, log));
    }

    /**
     * Puts a build result into its store under {@code <prefix><epoch>/<name>}, the epoch the Unix seconds now: a
     * directory store gets a copy renamed into place complete, a bucket an object with its SHA-256, so that a reader
     * never takes half of it for the newest result.
     */
    private static void upload(Path file, Map<String, String> p, PrintWriter log) throws IOException {
        ArtifactStore.Location location = ArtifactStore.Location.of(p);
        String key = new ResultKeys(p.get("prefix"), "", p.get("name")).key(Instant.now().getEpochSecond());
        ArtifactStore.open(location).put(file, key, log);
    }

    @Override
    public Optional<StepDescription> describe(Step step) {
        return step instanceof Step.Iso s ? Optional.of(new StepDescription().add("arches " + String.join(" ",
                s.arches())).on(s.on()).failable(s.failable())) : Optional.empty();
    }
}
