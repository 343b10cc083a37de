package org.relengine.steps.updateinfo;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relengine.model.Executor;
import org.relengine.model.Step;
import org.relengine.net.HttpGet;
import org.relengine.plan.Action;
import org.relengine.plan.OperationKey;
import org.relengine.plan.TaskKey;
import org.relengine.plan.TaskKind;
import org.relengine.plan.spi.AbstractStepUnit;
import org.relengine.plan.spi.Operation;
import org.relengine.plan.spi.OperationContext;
import org.relengine.plan.spi.Params;
import org.relengine.plan.spi.Phase;
import org.relengine.plan.spi.PlanContext;
import org.relengine.plan.spi.PlannedTask;
import org.relengine.plan.spi.StepDescription;
import org.relengine.plan.spi.TaskFailure;
import org.relengine.steps.publish.PublishActions;
import org.relengine.steps.publish.StagedTree;

/**
 * {@code updateinfo}: errata, as Rocky's apollo_tree publishes them after every update sync. For each staged
 * {@code os} tree of the repos named, the errata service's {@code updateinfo.xml} for the repo and arch is fetched
 * and injected into the tree's repodata with {@code modifyrepo_c}; after createrepo, before signing.
 */
public final class UpdateinfoStep extends AbstractStepUnit {

    public static final TaskKind KIND = new TaskKind("updateinfo", "publish");

    private static final OperationKey FETCH = new OperationKey("fetch-updateinfo");

    public UpdateinfoStep() {
        super(Phase.PUBLISH, KIND);
    }

    @Override
    public void plan(PlanContext context) {
        var updateinfo = context.recipe().step(Step.Updateinfo.class);
        if (updateinfo.isEmpty() || context.recipe().step(Step.Staging.class).isEmpty()) {
            return;
        }
        Step.Updateinfo step = updateinfo.get();
        String target = context.paths().stagingDir();
        List<TaskKey> after = context.publishAfter();
        List<TaskKey> keys = new ArrayList<>();
        for (StagedTree tree : StagedTree.of(context, target, EnumSet.of(StagedTree.Kind.OS))) {
            String repo = tree.repo().name();
            if (!step.covers(repo)) {
                continue;
            }
            String url = url(step, context.release().major(), repo, tree.arch());
            String file = context.layout().work() + "/" + tree.arch() + "/updateinfo/" + repo + "/updateinfo.xml";
            List<Action> actions = List.of(
                    new Action.Internal(FETCH, "fetch " + url + " into " + file, List.of(file),
                            Params.of("url", url, "file", file, "repo", repo, "arch", tree.arch())),
                    // gzip, and named <checksum>-updateinfo.xml.gz, as apollo_tree writes it
                    new Action.Exec(List.of("modifyrepo_c", "--mdtype=updateinfo", file, tree.path() + "/repodata",
                            "--compress", "--compress-type=gz")),
                    PublishActions.dropEmptyOpenSize(tree.repomd()),
                    PublishActions.publishedModes(tree.path() + "/repodata", "modifyrepo_c"));
            UpdateinfoKey key = new UpdateinfoKey(repo, tree.arch());
            context.add(new PlannedTask(key, repo, tree.arch(), after, List.of(tree.path()),
                    List.of(tree.path() + "/repodata"), Executor.LOCAL, false, actions));
            keys.add(key);
        }
        if (!keys.isEmpty()) {
            context.publishedThrough(keys);
        }
    }

    /** apollo_tree's v2 endpoint: {@code <url>/<product>/<major>/<repo>/updateinfo.xml?arch=<arch>}. */
    static String url(Step.Updateinfo step, int major, String repo, String arch) {
        String base = step.url().endsWith("/") ? step.url().substring(0, step.url().length() - 1) : step.url();
        return base + "/" + step.product() + "/" + major + "/" + encoded(repo) + "/updateinfo.xml?arch="
                + encoded(arch);
    }

    private static String encoded(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The body into {@code file}, whole or not at all; a repo the service has no errata for is refused. */
    static void fetch(Map<String, String> p, PrintWriter log, OperationContext context) throws IOException {
        Path file = Path.of(p.get("file"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        long size;
        try {
            size = HttpGet.toFile(URI.create(p.get("url")), partial, context.network());
        } catch (HttpGet.Answered e) {
            Files.deleteIfExists(partial);
            throw new TaskFailure(e.status() == 404
                    ? "the errata service has no updateinfo for " + p.get("repo") + " on " + p.get("arch") + " (404 from "
                    + p.get("url") + "); if the repo has no errata, leave it out of `updateinfo repos:`"
                    : "the errata service answered " + e.status() + " for " + p.get("url"));
        }
        if (!head(partial).contains("<updates")) {
            Files.deleteIfExists(partial);
            throw new TaskFailure(p.get("url") + " did not answer an updateinfo.xml (no <updates> element at its "
                    + "start); is the recipe's `updateinfo url:` the updateinfo API?");
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        log.println("fetched " + p.get("url") + ": " + size + " bytes, into " + file);
    }

    private static String head(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
        }
    }

    @Override
    public Map<OperationKey, Operation> operations() {
        return Map.of(FETCH, UpdateinfoStep::fetch);
    }

    @Override
    public Optional<StepDescription> describe(Step step) {
        return step instanceof Step.Updateinfo u ? Optional.of(new StepDescription().add("from " + u.url())
                .add("product " + u.product())
                .add(u.repos() == null ? "every repo" : "repos " + String.join(", ", u.repos())))
                : Optional.empty();
    }
}
