package org.relengine.demo;

import java.util.List;
import org.relengine.model.Artifacts;
import org.relengine.model.Executor;
import org.relengine.model.ExecutorSettings;
import org.relengine.model.ExtraFiles;
import org.relengine.model.Gpg;
import org.relengine.model.Recipe;
import org.relengine.model.Step;
import org.relengine.plan.RecipeOverrides;

/**
 * The real recipe, pointed at the demo's servers: packages and extra files come from loopback, build results
 * from the bucket of an S3 server on loopback; the steps the recipe puts in podman run in podman where it works
 * here (in the demo's own image), every other step runs here; the per-arch lorax builds are left out (lorax must run on each target
 * arch — the synthetic results stand in for them, through the same pull-unpack-tree path), and so are the live images
 * (livemedia-creator runs on a Rocky host, in mock, and its kickstarts install a desktop from the real mirrors); signatures
 * are not checked, because the demo's packages are not signed; errata come from the demo's own errata service
 * ({@link DemoErrata}).
 */
public final class DemoRecipe {

    private DemoRecipe() {
    }

    /** The bucket of the demo's S3 server that holds its build results. */
    public static final String BUCKET = "demo-results";

    /**
     * @param gnupg      the GnuPG home of the demo's throwaway signing key; null when the recipe signs nothing
     * @param s3Endpoint the demo's S3 server on loopback, whose bucket {@link #BUCKET} holds the build results
     * @param container  the image the recipe's {@code on: podman} steps run in; null runs them here
     * @param elsewhere  whether steps may run where the recipe puts them; false runs every step here
     */
    public static Recipe adapt(Recipe recipe, String root, String serverUrl, String s3Endpoint, java.nio.file.Path git,
                               java.nio.file.Path gnupg, String container, boolean elsewhere) {
        Recipe placed = RecipeOverrides.apply(recipe, root, serverUrl + "/v1/projects", !elsewhere);
        List<Step> compose = placed.compose().stream().filter(s -> !(s instanceof Step.Iso || s instanceof Step.Live))
                .map(s -> s instanceof Step.Placed p && !runsThere(p.on(), container) ? p.on(Executor.LOCAL) : s)
                .toList();
        ExecutorSettings executors = container == null ? placed.executors() : new ExecutorSettings(
                new ExecutorSettings.Podman(container, placed.executors().podman().origin()),
                placed.executors().mock(), placed.executors().kubernetes());
        Recipe local = placed;
        ExtraFiles extra = local.extraFiles() == null ? null : new ExtraFiles(git.toUri().toString(),
                local.extraFiles().ref(), local.extraFiles().files(), local.extraFiles().origin());
        Artifacts artifacts = new Artifacts("", BUCKET, "us-east-1", s3Endpoint, true, false,
                local.artifacts() == null ? local.release().origin() : local.artifacts().origin());
        Gpg gpg = new Gpg(false, local.gpg().url(), local.gpg().keys(), local.gpg().origin());
        List<Step> publish = local.publish().stream().map(DemoRecipe::ownedByUser)
                .map(step -> step instanceof Step.SignRepos s && gnupg != null
                        ? new Step.SignRepos(DemoFixtures.SIGNING_KEY, s.trees(), gnupg.toString(), s.origin()) : step)
                .map(step -> step instanceof Step.Updateinfo u
                        ? new Step.Updateinfo(serverUrl + "/" + DemoErrata.API, u.product(), u.repos(), u.origin()) : step)
                .toList();
        return new Recipe(local.files(), local.release(), local.arches(), local.archesOrigin(), local.multilib(),
                local.sources(), gpg, local.repos(), local.lorax(), local.images(), local.cloudImages(),
                local.liveImages(), extra, artifacts, local.roots(), executors, compose, publish, local.existing(),
                local.sig(), local.constants());
    }

    /**
     * Whether the demo runs a step where the recipe puts it: in podman when it starts containers here, in mock
     * where mock is installed (here mock is packaged for Fedora, RHEL and Rocky only), never on a cluster.
     */
    public static boolean runsThere(Executor on, String container) {
        return switch (on) {
            case LOCAL -> true;
            case PODMAN -> container != null;
            case MOCK -> org.relengine.process.Processes.onPath("mock") != null;
            case KUBERNETES -> false;
        };
    }

    /** Published files stay the user's: giving them to uid 10004 needs root, which the demo does not. */
    private static Step ownedByUser(Step step) {
        if (step instanceof Step.Staging s) {
            return new Step.Staging(s.delete(), s.exclude(), s.protect(), s.createrepo(), s.hardlink(), s.suffix(),
                    null, s.links(), s.origin());
        }
        if (step instanceof Step.Production s) {
            return new Step.Production(s.delete(), s.exclude(), s.protect(), null, s.repodataGrace(), s.origin());
        }
        return step;
    }
}
