package org.relengine.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.relengine.formats.CloudImageTypes;
import org.relengine.formats.ImageIdentity;
import org.relengine.model.Artifacts;
import org.relengine.model.CloudImage;
import org.relengine.model.ComposePaths;
import org.relengine.model.Executor;
import org.relengine.model.Image;
import org.relengine.model.Recipe;
import org.relengine.model.Release;
import org.relengine.model.Repo;
import org.relengine.model.Source;
import org.relengine.model.Step;
import org.relengine.steps.DnfConfig;
import org.relengine.steps.Lorax;
import org.relengine.steps.RepoClosure;
import org.relengine.steps.RepoSync;
import org.relengine.steps.Rsync;
import org.relengine.validate.Suggestions;

/**
 * Turns a validated recipe into the DAG of tasks a run performs, at repo × arch × tree granularity.
 * Deterministic: tasks are added in pipeline order and recipe order, and that order is kept.
 */
public final class Planner {

    /**
     * What the publish guard checks of every tree it publishes; a link that would not work on a mirror is
     * refused rather than left out (see PublishGuard).
     */
    private static final String PUBLISHABLE = "repodata/repomd.xml in every repo × arch, every link relative and "
            + "inside the tree";

    private final Recipe recipe;
    private final PlanOptions options;
    private final Release release;
    private final ComposePaths paths;
    private final ComposeLayout layout;
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private final List<Repo> repos;
    private final List<String> arches;
    /** What images.json lists: each image's path under {@code compose/} → what tells it apart. */
    private final Map<String, ImageIdentity> listedImages = new LinkedHashMap<>();

    private Planner(Recipe recipe, PlanOptions options) {
        this.recipe = recipe;
        this.options = options;
        this.release = recipe.release();
        this.paths = ComposePaths.of(recipe);
        String stamp = options.dateStamp() == null ? ComposePaths.DATE_PLACEHOLDER : options.dateStamp();
        boolean newCompose = options.full() && options.scope().compose();
        this.layout = newCompose
                ? new ComposeLayout(paths.composeDir(stamp), release.composeId(stamp))
                : new ComposeLayout(paths.latestLink(), release.latestLink());
        this.repos = selectedRepos();
        this.arches = selectedArches();
        checkImage();
    }

    private void checkImage() {
        if (options.image() == null) {
            return;
        }
        List<String> built = recipe.compose().stream().filter(Step.Extras.class::isInstance)
                .map(s -> ((Step.Extras) s).image()).toList();
        if (!built.contains(options.image())) {
            throw new PlanException("--image " + options.image() + ": the recipe builds no image `" + options.image()
                    + "`", built.isEmpty() ? "the recipe has no `extras` step"
                    : Suggestions.closest(options.image(), built).map(n -> "did you mean `" + n + "`?")
                            .orElse("images built: " + String.join(", ", built)));
        }
    }

    public static Plan plan(Recipe recipe, PlanOptions options) {
        return new Planner(recipe, options).plan();
    }

    private Plan plan() {
        if (options.scope().compose()) {
            compose();
        }
        if (options.scope().publish()) {
            publish();
        }
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("compose", layout.composeDir());
        targets.put("latest", paths.latestLink());
        if (recipe.step(Step.Staging.class).isPresent()) {
            targets.put("staging", paths.stagingDir());
        }
        if (recipe.step(Step.Production.class).isPresent()) {
            targets.put("production", paths.productionDir());
        }
        Artifacts store = recipe.artifacts();
        List<String> hashed = store != null && store.hashContent() && store.url().startsWith("/")
                ? List.of(store.url()) : List.of();
        return new Plan(recipe.file(), recipe.files(), layout.composeId(), layout.composeDir(),
                options.full() && options.scope().compose(), options.scope(), options, targets,
                List.copyOf(tasks.values()), hashed);
    }

    private List<Repo> selectedRepos() {
        if (options.repos().isEmpty()) {
            return recipe.repos();
        }
        if (options.full() && options.scope().compose()) {
            throw new PlanException("--repo selects repos of an update run, but this is a full run",
                    "a full run composes every repo into a new compose; add --update to re-sync "
                            + String.join(", ", options.repos()) + " into the latest compose");
        }
        List<String> names = recipe.repos().stream().map(Repo::name).toList();
        for (String repo : options.repos()) {
            if (!names.contains(repo)) {
                throw new PlanException("--repo " + repo + ": the recipe declares no repo `" + repo + "`",
                        Suggestions.closest(repo, names).map(n -> "did you mean `" + n + "`?")
                                .orElse("repos: " + String.join(", ", names)));
            }
        }
        return recipe.repos().stream().filter(r -> options.repos().contains(r.name())).toList();
    }

    private List<String> selectedArches() {
        List<String> known = new ArrayList<>(recipe.arches());
        recipe.multilib().values().forEach(known::addAll);
        for (String arch : options.arches()) {
            if (!known.contains(arch)) {
                throw new PlanException("--arch " + arch + ": not an arch of the release",
                        Suggestions.closest(arch, known).map(n -> "did you mean `" + n + "`?")
                                .orElse("arches: " + String.join(", ", recipe.arches())));
            }
        }
        return options.arches().isEmpty() ? known : options.arches();
    }

    private boolean selected(String arch) {
        return arches.contains(arch);
    }

    // ---------------------------------------------------------------- compose

    private void compose() {
        prepare();
        recipe.step(Step.Sync.class).ifPresent(this::sync);
        if (options.full()) {
            extraFiles();
            recipe.step(Step.Iso.class).ifPresent(this::lorax);
            recipe.step(Step.Unpack.class).ifPresent(this::unpack);
            treeinfo();
            for (Step step : recipe.compose()) {
                if (step instanceof Step.Extras extras
                        && (options.image() == null || options.image().equals(extras.image()))) {
                    extras(extras);
                }
            }
            recipe.step(Step.Cloud.class).ifPresent(this::cloud);
            recipe.step(Step.Live.class).ifPresent(this::live);
            recipe.step(Step.Finalize.class).ifPresent(f -> finalizeCompose());
        }
    }

    private void prepare() {
        List<Action> actions = new ArrayList<>();
        if (options.full()) {
            actions.add(new Action.MakeDirectory(layout.composeDir()));
        } else {
            actions.add(new Action.Internal("require-compose", "require the latest compose " + layout.composeDir()
                    + " (an update run writes into it)", List.of(layout.composeDir()), params("path", layout.composeDir())));
        }
        actions.add(new Action.MakeDirectory(layout.compose()));
        actions.add(new Action.MakeDirectory(layout.logs()));
        actions.add(new Action.MakeDirectory(layout.work() + "/dnf"));
        syncSource().ifPresent(source -> {
            String config = DnfConfig.render(recipe, source, repos, layout);
            actions.add(new Action.Internal("write-private-file", "write " + layout.dnfConfig() + " (dnf configuration, "
                    + config.lines().count() + " lines), created 0600: it holds the credentials of a source URL, "
                    + "if it has any", List.of(layout.dnfConfig()), params("path", layout.dnfConfig(), "content", config)));
        });
        add("prepare", TaskKind.PREPARE, null, null, List.of(), List.of(), List.of(layout.composeDir()),
                Executor.LOCAL, false, actions);
    }

    private java.util.Optional<Source> syncSource() {
        return recipe.step(Step.Sync.class).flatMap(sync -> recipe.source(sync.from()));
    }

    private void sync(Step.Sync sync) {
        Source source = recipe.source(sync.from()).orElseThrow();
        boolean gpgcheck = recipe.gpg().check();
        int major = release.major();
        for (Repo repo : repos) {
            for (String arch : recipe.syncArches(repo)) {
                if (!selected(arch)) {
                    continue;
                }
                boolean failable = sync.failable().failableOn(arch);
                String os = layout.tree(repo.name(), arch);
                syncTask(repo, arch, "os", source.binaryUrl(repo.from(), major, arch), os,
                        RepoSync.argv(layout.dnfConfig(), release.major(), DnfConfig.binaryId(repo, arch), os, arch, gpgcheck,
                                sync.delete()), sync, failable);
                if (repo.debug() && sync.debug() && options.debug()) {
                    String debug = layout.debugTree(repo.name(), arch);
                    syncTask(repo, arch, "debug", source.debugUrl(repo.from(), major, arch), debug,
                            RepoSync.argv(layout.dnfConfig(), release.major(), DnfConfig.debugId(repo, arch), debug, arch, gpgcheck,
                                    sync.delete()), sync, failable);
                }
                if (options.full() && repo.kickstart() && sync.kickstart() && repo.existsOn(arch)) {
                    String kickstart = layout.kickstartTree(repo.name(), arch);
                    // kickstart trees are never synced with --delete: they are the install tree of the release
                    syncTask(repo, arch, "kickstart", source.binaryUrl(repo.from(), major, arch), kickstart,
                            RepoSync.argv(layout.dnfConfig(), release.major(), DnfConfig.binaryId(repo, arch), kickstart, arch,
                                    gpgcheck, false), sync, failable);
                }
            }
            if (repo.source() && sync.source() && options.source() && options.arches().isEmpty()) {
                String tree = layout.sourceTree(repo.name());
                add("sync:" + repo.name() + ":source", TaskKind.SYNC, repo.name(), null, List.of("prepare"),
                        List.of(source.sourceUrl(repo.from(), major)), List.of(tree), sync.on(),
                        sync.failable().everywhere(), List.of(new Action.MakeDirectory(tree), releaseDeadDnfLocks(), new Action.Exec(
                                RepoSync.argv(layout.dnfConfig(), release.major(), DnfConfig.sourceId(repo), tree, null, gpgcheck,
                                        sync.delete()))), sync.retry());
            }
        }
        if (sync.repoclosure()) {
            repoclosure(sync);
        }
    }

    private void syncTask(Repo repo, String arch, String tree, String url, String target, List<String> argv,
                          Step.Sync sync, boolean failable) {
        add("sync:" + repo.name() + ":" + arch + ":" + tree, TaskKind.SYNC, repo.name(), arch, List.of("prepare"),
                List.of(url), List.of(target), sync.on(), failable,
                List.of(new Action.MakeDirectory(target), releaseDeadDnfLocks(), new Action.Exec(argv)), sync.retry());
    }

    /**
     * dnf waits for ever on a lock in its cache whose pid still shows, and the dnf of a run that was killed can
     * linger as a zombie where nothing reaps it (a container whose first process is a JVM): each dnf task first
     * removes the locks of dnf processes that no longer run. The compose's lock keeps every other run out.
     */
    private Action releaseDeadDnfLocks() {
        return new Action.Internal("release-dead-dnf-locks", "remove the locks in " + layout.dnfCache()
                + " that dnf processes which no longer run left behind", List.of(layout.dnfCache()),
                params("cache", layout.dnfCache()));
    }

    private void repoclosure(Step.Sync sync) {
        for (Repo repo : repos) {
            if (!repo.closureChecked()) {
                continue;
            }
            for (String arch : repo.arches()) {
                if (!selected(arch)) {
                    continue;
                }
                Map<String, String> trees = new LinkedHashMap<>();
                trees.put(repo.name(), layout.tree(repo.name(), arch));
                for (String dep : repo.closure()) {
                    trees.put(dep, layout.tree(dep, arch));
                }
                List<String> deps = trees.keySet().stream().map(r -> "sync:" + r + ":" + arch + ":os")
                        .filter(tasks::containsKey).toList();
                add("repoclosure:" + repo.name() + ":" + arch, TaskKind.REPOCLOSURE, repo.name(), arch,
                        deps.isEmpty() ? List.of("prepare") : deps, List.copyOf(trees.values()), List.of(),
                        sync.on(), sync.failable().failableOn(arch),
                        List.of(releaseDeadDnfLocks(),
                                new Action.Exec(RepoClosure.argv(layout.dnfConfig(), release.major(), arch, trees))));
            }
        }
    }

    private void extraFiles() {
        if (recipe.extraFiles() == null) {
            return;
        }
        var extra = recipe.extraFiles();
        add("extrafiles", TaskKind.EXTRA_FILES, null, null, List.of("prepare"), List.of(extra.git() + "@" + extra.ref()),
                List.of(layout.extraFiles(), layout.metadata()), Executor.LOCAL, false, List.of(
                        new Action.MakeDirectory(layout.extraFiles()),
                        new Action.Internal("fetch-extra-files", "fetch " + String.join(", ", extra.files()) + " from "
                                + extra.git() + " at " + extra.ref() + " (JGit) into " + layout.extraFiles() + " and "
                                + layout.metadata(), List.of(layout.extraFiles(), layout.metadata()),
                                params("git", extra.git(), "ref", extra.ref(), "files", String.join(",", extra.files()),
                                        "into", layout.extraFiles(), "metadata", layout.metadata(),
                                        "record", layout.metadata() + "/extra-files-source.json"))));
    }

    private void lorax(Step.Iso iso) {
        if (recipe.lorax() == null) {
            return;
        }
        Source source = syncSource().orElse(null);
        for (String arch : iso.arches()) {
            if (!selected(arch)) {
                continue;
            }
            List<String> sources = new ArrayList<>();
            if (source != null) {
                for (String repo : recipe.lorax().repos()) {
                    recipe.repo(repo).ifPresent(r -> sources.add(source.binaryUrl(r.from(), release.major(), arch)));
                }
            }
            String tarball = Lorax.tarball(release, arch);
            // on this machine lorax builds in the compose's work tree; elsewhere in the chroot's or pod's /builddir
            boolean here = iso.on() == Executor.LOCAL;
            String build = here ? layout.loraxBuild(arch) : Lorax.BUILDDIR;
            List<Action> actions = new ArrayList<>();
            if (here) {
                actions.add(new Action.MakeDirectory(build));
            }
            actions.add(new Action.Exec(Lorax.argv(release, recipe.lorax(), sources, arch, build)));
            actions.add(new Action.Exec(List.of("tar", "-C", build, "-czf", build + "/" + tarball, "lorax",
                    Lorax.log(arch))));
            actions.add(new Action.Internal("upload-artifact", "upload " + tarball + " to " + artifactsUrl(),
                    List.of(artifactsUrl() + "/" + tarball),
                    params("file", build + "/" + tarball, "store", artifactsUrl())));
            add("lorax:" + arch, TaskKind.LORAX, null, arch, List.of("prepare"), sources,
                    List.of(artifactsUrl() + "/" + tarball), iso.on(), iso.failable().failableOn(arch), actions);
        }
    }

    private String artifactsUrl() {
        return recipe.artifacts() == null ? layout.work() + "/artifacts" : recipe.artifacts().url();
    }

    /** Repos whose trees receive the boot tree: those named by an image that is a tree, not a disc. */
    private Set<String> bootTreeRepos() {
        Set<String> names = new LinkedHashSet<>();
        for (Image image : recipe.images()) {
            if (!image.disc() && recipe.repo(image.name()).isPresent()) {
                names.add(image.name());
            }
        }
        return names;
    }

    private void unpack(Step.Unpack unpack) {
        for (String arch : recipe.arches()) {
            if (!selected(arch)) {
                continue;
            }
            List<String> deps = new ArrayList<>();
            deps.add(tasks.containsKey("lorax:" + arch) ? "lorax:" + arch : "prepare");
            List<String> outputs = new ArrayList<>(List.of(layout.lorax(arch), layout.workIsos(arch)));
            List<Action> actions = new ArrayList<>();
            String tarball = Lorax.tarball(release, arch);
            actions.add(new Action.MakeDirectory(layout.lorax(arch)));
            actions.add(new Action.Internal("unpack-lorax", "download the newest " + tarball + " from "
                    + artifactsUrl() + ", verify it and unpack it into " + layout.lorax(arch)
                    + " (no path may escape it)", List.of(layout.lorax(arch)),
                    params("store", artifactsUrl(), "match", "lorax-" + release.version() + "-" + arch,
                            "suffix", ".tar.gz", "into", layout.lorax(arch))));
            actions.add(new Action.MakeDirectory(layout.workIsos(arch)));
            String bootIso = layout.workIsos(arch) + "/" + release.bootIsoName(arch);
            actions.add(new Action.Internal("copy-file", "copy the boot ISO to " + bootIso, List.of(bootIso),
                    params("from", layout.lorax(arch) + "/lorax/images/boot.iso", "to", bootIso)));
            isoCompanions(actions, arch, bootIso, "boot");
            listImage(arch, "isos/" + arch + "/" + release.bootIsoName(arch), new ImageIdentity(imagesOwner(), "boot",
                    "iso"));
            for (String repo : bootTreeRepos()) {
                deps.add("sync:" + repo + ":" + arch + ":os");
                deps.add("sync:" + repo + ":" + arch + ":kickstart");
                outputs.add(layout.tree(repo, arch));
                for (String tree : List.of(layout.tree(repo, arch), layout.kickstartTree(repo, arch))) {
                    actions.add(new Action.Internal("graft-boot-tree", "graft the boot tree into " + tree,
                            List.of(tree), params("from", layout.lorax(arch) + "/lorax", "into", tree)));
                }
            }
            add("unpack:" + arch, TaskKind.UNPACK, null, arch, existing(deps), List.of(artifactsUrl()), outputs,
                    Executor.LOCAL, unpack.failable().failableOn(arch), actions, unpack.retry());
        }
    }

    private void treeinfo() {
        for (Repo repo : repos) {
            for (String arch : repo.arches()) {
                if (!selected(arch)) {
                    continue;
                }
                List<String> deps = new ArrayList<>(List.of("sync:" + repo.name() + ":" + arch + ":os",
                        "sync:" + repo.name() + ":" + arch + ":kickstart"));
                if (bootTreeRepos().contains(repo.name())) {
                    deps.add("unpack:" + arch);
                }
                List<Action> actions = new ArrayList<>();
                List<String> outputs = new ArrayList<>();
                boolean boot = bootTreeRepos().contains(repo.name());
                for (String tree : treesOf(repo, arch)) {
                    String flavour = tree.endsWith("/kickstart") ? "kickstart" : "os";
                    Map<String, String> info = new LinkedHashMap<>(params("tree", tree, "repo", repo.name(),
                            "arch", arch, "name", release.name(), "short", release.shortName(),
                            "version", release.version(), "description", release.name() + " " + release.version()));
                    if (boot) {
                        // the install tree names the AppStream variant, as Rocky's BaseOS trees do
                        List<String> others = bootVariants(repo, arch);
                        info.put("variants", String.join(",", others));
                        others.stream().filter(o -> !o.equals(repo.name())).forEach(o ->
                                info.put("variant." + o, "../../../" + o + "/" + arch + "/" + flavour));
                    }
                    for (String file : List.of(".treeinfo", ".discinfo", "media.repo")) {
                        outputs.add(tree + "/" + file);
                        actions.add(new Action.WriteFile(tree + "/" + file, file, null, info));
                    }
                }
                add("treeinfo:" + repo.name() + ":" + arch, TaskKind.TREEINFO, repo.name(), arch, existing(deps),
                        List.of(layout.tree(repo.name(), arch)), outputs, Executor.LOCAL, false, actions);
            }
        }
    }

    /** The variants an install tree lists: itself, then the repos of the images its boot tree serves. */
    private List<String> bootVariants(Repo repo, String arch) {
        List<String> variants = new ArrayList<>(List.of(repo.name()));
        recipe.image(repo.name()).ifPresent(image -> image.repos().stream()
                .filter(r -> !variants.contains(r) && recipe.repo(r).map(x -> x.existsOn(arch)).orElse(false))
                .forEach(variants::add));
        return variants;
    }

    private List<String> treesOf(Repo repo, String arch) {
        List<String> trees = new ArrayList<>(List.of(layout.tree(repo.name(), arch)));
        if (tasks.containsKey("sync:" + repo.name() + ":" + arch + ":kickstart")) {
            trees.add(layout.kickstartTree(repo.name(), arch));
        }
        return trees;
    }

    private void extras(Step.Extras extras) {
        Image image = recipe.image(extras.image()).orElseThrow();
        for (String arch : recipe.arches()) {
            if (!selected(arch)) {
                continue;
            }
            List<String> deps = new ArrayList<>(List.of("unpack:" + arch, "extrafiles"));
            List<String> inputs = new ArrayList<>(List.of(layout.lorax(arch), layout.extraFiles()));
            for (String repo : image.repos()) {
                if (recipe.repo(repo).map(r -> r.existsOn(arch)).orElse(false)) {
                    deps.add("sync:" + repo + ":" + arch + ":os");
                    inputs.add(layout.tree(repo, arch));
                }
            }
            String iso = layout.workIsos(arch) + "/" + release.isoName(arch, image.name());
            // every disc keeps the boot ISO's volume id (…-dvd): the replayed boot records and
            // inst.stage2=hd:LABEL=… expect it
            String dialog = layout.lorax(arch) + "/xorriso-" + image.name() + "-" + arch + ".txt";
            // the graft list writes the disc root's .treeinfo and .discinfo too: outputs of this task
            String root = layout.lorax(arch) + "/" + image.name();
            add("extras:" + image.name() + ":" + arch, TaskKind.EXTRAS, null, arch, existing(deps), inputs,
                    List.of(iso, root + "/.treeinfo", root + "/.discinfo"), extras.on(), extras.failable().failableOn(arch), List.of(
                            new Action.WriteFile(dialog, "xorriso graft list", null,
                                    params("boot", layout.workIsos(arch) + "/" + release.bootIsoName(arch),
                                            "out", partial(iso), "volid", release.volumeId(arch, "dvd"), "arch", arch,
                                            "tree", layout.lorax(arch) + "/lorax", "extra", layout.extraFiles(),
                                            "repos", graftRepos(image, arch), "root", root,
                                            "name", release.name(), "short", release.shortName(),
                                            "version", release.version(), "variant", image.variant())),
                            new Action.Exec(List.of("xorriso", "-options_from_file", dialog)),
                            new Action.Exec(List.of("implantisomd5", "--supported-iso", partial(iso))),
                            new Action.Exec(List.of("xorriso", "-indev", partial(iso), "-report_el_torito",
                                    "as_mkisofs"), scratch(iso, ".eltorito")),
                            new Action.Internal("check-report", "refuse the ISO if xorriso's El Torito report says SORRY",
                                    List.of(partial(iso)), params("report", scratch(iso, ".eltorito"), "forbidden",
                                            "SORRY")),
                            moveIntoPlace(partial(iso), iso)));
            List<Action> more = new ArrayList<>(tasks.get("extras:" + image.name() + ":" + arch).actions());
            isoCompanions(more, arch, iso, image.name());
            replaceActions("extras:" + image.name() + ":" + arch, more);
            listImage(arch, "isos/" + arch + "/" + release.isoName(arch, image.name()), discIdentity(image, arch));
        }
    }

    /**
     * As Pungi's createiso and extra_isos phases list a disc: type dvd, the owning variant as subvariant,
     * and the other variants whose packages it carries as additional variants, which makes it unified.
     */
    private ImageIdentity discIdentity(Image image, String arch) {
        String owner = imagesOwner();
        List<String> others = !image.graft() ? List.of() : image.repos().stream()
                .filter(r -> !r.equals(owner) && recipe.repo(r).map(x -> x.existsOn(arch)).orElse(false)).toList();
        return new ImageIdentity(owner, "dvd", "iso", others);
    }

    /** {@code BaseOS=/…/BaseOS/x86_64/os,AppStream=…}: the repos whose packages and repodata a disc carries. */
    private String graftRepos(Image image, String arch) {
        if (!image.graft()) {
            return "";
        }
        List<String> repos = new ArrayList<>();
        for (String repo : image.repos()) {
            if (recipe.repo(repo).map(r -> r.existsOn(arch)).orElse(false)) {
                repos.add(repo + "=" + layout.tree(repo, arch));
            }
        }
        return String.join(",", repos);
    }

    /** An ISO's manifest, its generic and latest aliases, and a .CHECKSUM for each of the three names. */
    private void isoCompanions(List<Action> actions, String arch, String iso, String image) {
        String dir = layout.workIsos(arch);
        String name = iso.substring(iso.lastIndexOf('/') + 1);
        actions.add(new Action.Exec(List.of("xorriso", "-dev", iso, "-find", "/"), scratch(iso, ".find")));
        actions.add(new Action.WriteFile(iso + ".manifest", "ISO manifest", null,
                params("listing", scratch(iso, ".find"), "remove", "true")));
        String generic = release.genericIsoName(arch, image);
        String latest = release.latestIsoName(arch, image);
        actions.add(new Action.Symlink(dir + "/" + generic, name));
        actions.add(new Action.Symlink(dir + "/" + latest, name));
        for (String alias : List.of(name, generic, latest)) {
            actions.add(new Action.WriteFile(dir + "/" + alias + ".CHECKSUM", "checksum", null,
                    params("file", dir + "/" + alias)));
        }
    }

    /** A file of the task's own making that is not part of the compose: under {@code work/tmp}. */
    private String scratch(String path, String suffix) {
        return layout.work() + "/tmp/" + path.substring(path.lastIndexOf('/') + 1) + suffix;
    }

    private void replaceActions(String id, List<Action> actions) {
        Task t = tasks.get(id);
        tasks.put(id, new Task(t.id(), t.kind(), t.repo(), t.arch(), t.dependsOn(), t.inputs(), t.outputs(),
                t.executor(), t.failable(), List.copyOf(actions), t.retry()));
    }

    private static Map<String, String> params(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private void cloud(Step.Cloud cloud) {
        for (var image : recipe.cloudImages()) {
            if (cloud.types() != null && !cloud.types().contains(image.type())) {
                continue;
            }
            List<String> variants = image.variants().isEmpty() ? List.of("") : image.variants();
            for (String variant : variants) {
                String name = variant.isEmpty() ? image.type() : image.type() + "-" + variant;
                var productmd = CloudImageTypes.of(image.format(), variant).orElseThrow(() -> unlistable(image, name));
                for (String arch : image.arches()) {
                    if (!selected(arch)) {
                        continue;
                    }
                    // Rocky names the file Rocky-9-GenericCloud-Base-…: that name is the image's subvariant
                    listImage(arch, "images/" + arch + "/" + release.shortName() + "-" + release.major() + "-" + name
                                    + "-" + release.version() + "-*." + arch + "." + image.format(),
                            new ImageIdentity(name, productmd.type(), productmd.format()));
                    String file = release.shortName() + "-" + release.major() + "-" + name + "-" + release.version()
                            + "-<date>.<n>." + arch + "." + image.format();
                    add("cloud:" + name + ":" + arch, TaskKind.CLOUD, null, arch, List.of("prepare"),
                            List.of(artifactsUrl()), List.of(layout.workImages(arch)), Executor.LOCAL,
                            cloud.failable().failableOn(arch), List.of(
                                    new Action.MakeDirectory(layout.workImages(arch)),
                                    new Action.Internal("download-image", "download the newest " + file + " from "
                                            + artifactsUrl() + " into " + layout.workImages(arch)
                                            + " with its .CHECKSUM and latest aliases", List.of(layout.workImages(arch)),
                                            params("store", artifactsUrl(), "match", release.shortName() + "-"
                                                            + release.major() + "-" + name + "-" + release.version() + "-",
                                                    "suffix", "." + arch + "." + image.format(), "into", layout.workImages(arch),
                                                    "latest", release.shortName() + "-" + release.major() + "-" + name
                                                            + ".latest." + arch + "." + image.format(),
                                                    "primary", variant.equals(image.primary())
                                                            ? release.shortName() + "-" + release.major() + "-"
                                                            + image.type() + ".latest." + arch + "." + image.format()
                                                            : ""))), cloud.retry());
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

    /**
     * productmd refuses a compose with two images alike in all of UNIQUE_IMAGE_ATTRIBUTES (productmd/images.py):
     * a recipe that would make them is refused before anything runs.
     */
    private void listImage(String arch, String path, ImageIdentity identity) {
        listedImages.forEach((other, known) -> {
            if (known.equals(identity) && other.split("/")[1].equals(arch)) {
                throw new PlanException(path + " and " + other + " would be the same image to productmd ("
                        + identity.param() + " on " + arch + ")", "give one of them another variant or name");
            }
        });
        listedImages.put(path, identity);
    }

    private String imagesOwner() {
        return bootTreeRepos().stream().findFirst().orElse("");
    }

    private void live(Step.Live live) {
        for (var image : recipe.liveImages()) {
            if (live.images() != null && !live.images().contains(image.name())) {
                continue;
            }
            for (String arch : image.arches()) {
                if (!selected(arch)) {
                    continue;
                }
                String iso = release.shortName() + "-" + release.version() + "-" + image.name() + "-" + arch
                        + "-<date>.<n>.iso";
                // Pungi's live media phase: the live image's name is its subvariant
                listImage(arch, "live/" + arch + "/" + release.shortName() + "-" + release.version() + "-"
                        + image.name() + "-" + arch + "-*.iso", new ImageIdentity(image.name(), "live", "iso"));
                add("live:" + image.name() + ":" + arch, TaskKind.LIVE, null, arch, List.of("prepare"),
                        List.of(image.kickstart()), List.of(layout.workLive(arch)), live.on(),
                        live.failable().failableOn(arch), List.of(new Action.Exec(List.of("livemedia-creator",
                                "--ks", "/builddir/ks.cfg", "--no-virt", "--resultdir", "/builddir/lmc",
                                "--project=" + release.name() + " " + image.name(), "--make-iso",
                                "--volid", release.shortName() + "-" + release.version() + "-" + image.name(),
                                "--iso-only", "--iso-name", iso, "--releasever=" + release.version(),
                                "--nomacboot"))), live.retry());
            }
        }
    }

    private void finalizeCompose() {
        List<String> sinks = sinks();
        List<Action> actions = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        for (String arch : recipe.arches()) {
            if (!selected(arch)) {
                continue;
            }
            for (String kind : List.of("isos", "images", "live")) {
                String from = layout.work() + "/" + kind + "/" + arch;
                String to = layout.compose() + "/" + kind + "/" + arch;
                if (!producedInto(from)) {
                    // no task writes images of this kind for this arch: there is nothing to move, and no CHECKSUM
                    continue;
                }
                actions.add(new Action.Internal(Action.Internal.MOVE_DIRECTORY, "move " + from + " into " + to
                        + " (when it exists)", List.of(to), params("from", from, "to", to)));
                actions.add(new Action.WriteFile(to + "/CHECKSUM", "CHECKSUM from the per-file .CHECKSUM files",
                        null, params("dir", to)));
                // the directory, not only its CHECKSUM: what --resume checks of the images moved into it
                outputs.add(to);
            }
        }
        actions.add(new Action.MakeDirectory(layout.metadata()));
        actions.add(new Action.WriteFile(layout.metadata() + "/COMPOSE_ID", "compose id", layout.composeId()));
        Map<String, String> metadata = params("compose", layout.compose(), "id", layout.composeId(),
                "date", options.dateStamp() == null ? ComposePaths.DATE_PLACEHOLDER : options.dateStamp(),
                "name", release.name(), "short", release.shortName(), "version", release.version(),
                "type", release.channel() == org.relengine.model.Channel.STABLE ? "ga" : "updates-testing",
                "final", String.valueOf(release.isFinal()), "owner", imagesOwner());
        for (Repo repo : repos) {
            metadata.put("variant." + repo.name(), String.join(",", recipe.syncArches(repo)));
        }
        for (String file : List.of("composeinfo.json", "images.json", "rpms.json")) {
            Map<String, String> params = new LinkedHashMap<>(metadata);
            if (file.equals("images.json")) {
                listedImages.forEach((path, identity) -> params.put("image." + path, identity.param()));
            }
            actions.add(new Action.WriteFile(layout.metadata() + "/" + file, "productmd 1.2 " + file, null, params));
            outputs.add(layout.metadata() + "/" + file);
        }
        // FINISHED, or FINISHED_INCOMPLETE when a failable task failed; read from the run's journal
        actions.add(new Action.WriteFile(layout.composeDir() + "/STATUS", "compose status", null,
                params("journal", layout.work() + "/journal")));
        actions.add(new Action.Symlink(paths.latestLink(), layout.composeDir()));
        outputs.add(paths.latestLink());
        add("finalize", TaskKind.FINALIZE, null, null, sinks, List.of(layout.work()), outputs, Executor.LOCAL, false,
                actions);
    }

    /** Whether a task planned so far writes into {@code dir} or below it. */
    private boolean producedInto(String dir) {
        return tasks.values().stream().flatMap(t -> t.outputs().stream())
                .anyMatch(o -> o.equals(dir) || o.startsWith(dir + "/"));
    }

    /** Tasks nothing depends on yet: what a closing task must wait for. */
    private List<String> sinks() {
        Set<String> depended = new LinkedHashSet<>();
        tasks.values().forEach(t -> depended.addAll(t.dependsOn()));
        return tasks.values().stream().map(Task::id).filter(id -> !depended.contains(id)).toList();
    }

    // ---------------------------------------------------------------- publish

    private void publish() {
        List<String> after = tasks.isEmpty() ? List.of() : sinks();
        var staging = recipe.step(Step.Staging.class);
        if (staging.isPresent()) {
            stage(staging.get(), after);
            after = List.of("stage");
            if (staging.get().createrepo()) {
                after = createrepo(after);
            }
        }
        var sign = recipe.step(Step.Sign.class);
        if (sign.isPresent() && (sign.get().repomd() || sign.get().checksums()) && staging.isPresent()) {
            signRepomd(sign.get(), after);
            after = List.of("sign");
        }
        var production = recipe.step(Step.Production.class);
        if (production.isPresent() && staging.isPresent()) {
            promote(production.get(), staging.get(), after);
            after = List.of("promote");
        }
        var filelists = recipe.step(Step.FileLists.class);
        if (filelists.isPresent()) {
            String root = production.isPresent() ? recipe.roots().production() : recipe.roots().staging();
            List<Action> actions = new ArrayList<>();
            List<String> outputs = new ArrayList<>();
            for (String module : filelists.get().modules()) {
                String dir = root + "/mirror/pub/" + module;
                actions.add(new Action.Internal("write-file-lists", "write fullfilelist and fullfiletimelist-" + module
                        + " of " + dir + ", then its copies fullfiletimelist and fullfiletimelist-" + module + "-linux"
                        + ", each 0644", List.of(dir), params("dir", dir, "module", module)));
                outputs.add(dir + "/fullfiletimelist-" + module);
            }
            add("filelists", TaskKind.FILELISTS, null, null, after, List.of(root + "/mirror/pub"), outputs,
                    Executor.LOCAL, false, actions);
        }
        recipe.step(Step.Torrents.class).ifPresent(this::torrents);
    }

    private void stage(Step.Staging staging, List<String> after) {
        String target = paths.stagingDir();
        Rsync.Sync sync = new Rsync.Sync(layout.compose(), target, staging.chown(), staging.delete(),
                staging.exclude(), staging.protect(), false);
        List<Action> actions = new ArrayList<>();
        actions.add(preview(sync));
        actions.add(new Action.Internal("check-publishable", "check " + layout.compose() + (staging.delete()
                ? ": compose FINISHED, " + PUBLISHABLE + ", at most " + options.allowDeletions()
                + " % of " + target + " deleted" : ": " + PUBLISHABLE),
                List.of(layout.compose()), guard(sync, true)));
        if (staging.hardlink()) {
            actions.add(new Action.Exec(List.of("hardlink", "-x", ".*\\.xml.*", "-x", ".*\\.treeinfo", "-x",
                    ".*\\.discinfo", layout.compose())));
        }
        actions.add(publishedDirectory(target));
        actions.add(new Action.Exec(sync.argv(List.of())));
        add("stage", TaskKind.STAGE, null, null, after, List.of(layout.compose()), List.of(target), Executor.LOCAL,
                false, actions);
    }

    /**
     * A publish target and the directories on the way to it, each made 0755: what mirrors and web servers read
     * must not be writable by everyone because of the umask of whoever ran relengine. rsync gives the target
     * itself and everything in it its modes ({@link org.relengine.formats.FileModes#RSYNC_CHMOD}).
     */
    private static Action publishedDirectory(String path) {
        return new Action.Internal("make-published-directory", "mkdir -p " + path + ", each directory it makes "
                + "0755 whatever the umask", List.of(path), params("path", path));
    }

    /**
     * What a tool wrote straight into staging, given the modes rsync gives the rest of it: directories 0755,
     * files 0644. The tool writes as the umask says.
     */
    private static Action publishedModes(String path, String tool) {
        return new Action.Internal("set-published-modes", "make " + path + " 0644, or 0755 for directories, with "
                + "everything in it (" + tool + " wrote it as the umask says)", List.of(path), params("path", path));
    }

    /** What a sync would change, from rsync's read-only dry run; dry runs perform it too. */
    private static Action.Probe preview(Rsync.Sync sync) {
        return new Action.Probe("preview-publish", "preview what syncing " + sync.from() + " into " + sync.to()
                + " would change, as the trees are now (rsync --dry-run --itemize-changes, read-only)", sync.params());
    }

    private List<String> createrepo(List<String> after) {
        String target = paths.stagingDir();
        List<String> ids = new ArrayList<>();
        String distro = "--distro=cpe:/o:rocky:rocky:" + release.version() + "," + release.name() + " "
                + release.version();
        for (Repo repo : repos) {
            for (String arch : recipe.syncArches(repo)) {
                if (!selected(arch)) {
                    continue;
                }
                String tree = target + "/" + repo.name() + "/" + arch + "/os";
                String composed = layout.tree(repo.name(), arch);
                String comps = layout.work() + "/" + arch + "/comps/comps-" + repo.name() + "." + arch + ".xml";
                String modules = layout.work() + "/" + arch + "/modules/" + repo.name() + "-modules.yaml";
                List<Action> actions = new ArrayList<>();
                // createrepo_c --update drops the group and modules entries: take them from the compose's own
                // repodata (as synced from the source) and hand them back
                if (repo.comps() || repo.modules()) {
                    Map<String, String> p = params("tree", composed);
                    List<String> written = new ArrayList<>();
                    if (repo.comps()) {
                        p.put("comps", comps);
                        written.add(comps);
                    }
                    if (repo.modules()) {
                        p.put("modules", modules);
                        written.add(modules);
                    }
                    actions.add(new Action.Internal("extract-repo-metadata", "take the "
                            + (repo.comps() && repo.modules() ? "comps file and module metadata"
                            : repo.comps() ? "comps file" : "module metadata") + " of " + composed
                            + " from its repodata into " + String.join(" and ", written), written, p));
                }
                List<String> argv = new ArrayList<>(List.of("createrepo_c", "--update", "--workers", "12", "--xz",
                        "--checksum=sha256", "--revision=" + release.version(), distro));
                if (repo.comps()) {
                    argv.add("--groupfile=" + comps);
                }
                argv.add(tree);
                actions.add(new Action.Exec(argv));
                if (repo.modules()) {
                    actions.add(new Action.Exec(List.of("modifyrepo_c", "--mdtype=modules", modules, tree + "/repodata",
                            "--compress", "--compress-type=xz")));
                }
                actions.add(publishedModes(tree + "/repodata", "createrepo_c"));
                String id = "createrepo:" + repo.name() + ":" + arch;
                add(id, TaskKind.CREATEREPO, repo.name(), arch, after, List.of(tree, composed),
                        List.of(tree + "/repodata"), Executor.LOCAL, false, actions);
                ids.add(id);
            }
        }
        return ids.isEmpty() ? after : ids;
    }

    private void signRepomd(Step.Sign sign, List<String> after) {
        String target = paths.stagingDir();
        List<Action> actions = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        List<String> signed = new ArrayList<>();
        if (sign.repomd()) {
            for (Repo repo : repos) {
                for (String arch : recipe.syncArches(repo)) {
                    if (selected(arch)) {
                        signed.add(target + "/" + repo.name() + "/" + arch + "/os/repodata/repomd.xml");
                    }
                }
            }
        }
        if (sign.checksums()) {
            for (String arch : recipe.arches()) {
                if (selected(arch)) {
                    signed.add(target + "/isos/" + arch + "/CHECKSUM");
                }
            }
        }
        for (String file : signed) {
            actions.add(new Action.Exec(List.of("gpg", "--batch", "--yes", "--detach-sign", "--armor",
                    "--local-user", sign.key(), "--output", partial(file + ".asc"), file)));
            actions.add(publishedModes(partial(file + ".asc"), "gpg"));
            actions.add(moveIntoPlace(partial(file + ".asc"), file + ".asc"));
            outputs.add(file + ".asc");
        }
        add("sign", TaskKind.SIGN, null, null, after, List.of(target), outputs, Executor.LOCAL, false, actions);
    }

    /** What the publishing guard checks before a sync changes a target. */
    private Map<String, String> guard(Rsync.Sync sync, boolean compose) {
        Map<String, String> p = new LinkedHashMap<>(sync.params());
        p.put("threshold", String.valueOf(options.allowDeletions()));
        p.put("status", compose ? "required" : "");
        return p;
    }

    private void promote(Step.Production production, Step.Staging staging, List<String> after) {
        String from = paths.stagingDir();
        String to = paths.productionDir();
        List<String> excludes = production.exclude();
        // the whole promotion, as its last phase leaves the target; old repodata outlives it (see OldRepodata)
        Rsync.Sync sync = new Rsync.Sync(from, to, production.chown(), production.delete(), excludes,
                production.protect(), true);
        List<Action> actions = new ArrayList<>();
        actions.add(preview(sync));
        actions.add(new Action.Internal("check-publishable", "check " + from
                + ": " + PUBLISHABLE + (production.delete() ? ", at most "
                + options.allowDeletions() + " % of " + to + " deleted" : ""), List.of(from), guard(sync, false)));
        actions.add(publishedDirectory(to));
        if (production.delete()) {
            actions.add(new Action.Internal("prune-old-repodata", "remove repodata files of " + to + " that no "
                    + "repomd.xml names, once they and their repomd.xml are older than " + production.repodataGrace()
                    + " hours", List.of(to), params("target", to, "hours", String.valueOf(production.repodataGrace()))));
        }
        // payload first, then repodata, repomd.xml last: a mirror never sees metadata naming absent files
        List<String> payloadExcludes = new ArrayList<>(excludes);
        payloadExcludes.add("repodata/");
        actions.add(new Action.Exec(Rsync.argv(from, to, production.chown(), false, payloadExcludes, List.of(),
                List.of())));
        List<String> metadataExcludes = new ArrayList<>(excludes);
        metadataExcludes.add("repomd.xml*");
        actions.add(new Action.Exec(Rsync.argv(from, to, production.chown(), false, metadataExcludes, List.of(),
                List.of())));
        actions.add(new Action.Exec(sync.argv(production.delete() ? List.of("--delete-after") : List.of())));
        add("promote", TaskKind.PROMOTE, null, null, after, List.of(from), List.of(to), Executor.LOCAL, false,
                actions);
    }

    private void torrents(Step.Torrents torrents) {
        for (Image image : recipe.images()) {
            if (!image.disc() || !image.built()) {
                continue;
            }
            for (String arch : recipe.arches()) {
                String id = "extras:" + image.name() + ":" + arch;
                if (!selected(arch) || (options.scope().compose() && !tasks.containsKey(id))) {
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
                argv.addAll(List.of("-n", release.isoName(arch, image.name()), "-o", partial(output), iso));
                add("torrents:" + image.name() + ":" + arch, TaskKind.TORRENTS, null, arch,
                        existing(List.of("finalize")), List.of(iso), List.of(output), Executor.LOCAL, true,
                        List.of(new Action.MakeDirectory(layout.torrents()),
                                new Action.Internal("remove-file", "remove a partial " + partial(output)
                                        + " left by an interrupted run (mktorrent will not overwrite it)",
                                        List.of(partial(output)), params("path", partial(output))),
                                new Action.Exec(argv), moveIntoPlace(partial(output), output)));
            }
        }
    }

    // ---------------------------------------------------------------- graph

    /**
     * A tool's output is written under this name and renamed into place when complete, so that a crash
     * never leaves a half-written file under the name the rest of the compose (and its mirrors) trust.
     */
    private static String partial(String path) {
        return path + ".partial";
    }

    private static Action moveIntoPlace(String partial, String path) {
        return new Action.Internal("rename-file", "move " + partial + " into place as " + path, List.of(path),
                params("from", partial, "to", path));
    }

    private List<String> existing(List<String> ids) {
        List<String> present = ids.stream().filter(tasks::containsKey).distinct().toList();
        return present.isEmpty() && tasks.containsKey("prepare") ? List.of("prepare") : present;
    }

    private void add(String id, TaskKind kind, String repo, String arch, List<String> dependsOn, List<String> inputs,
                     List<String> outputs, Executor executor, boolean failable, List<Action> actions) {
        add(id, kind, repo, arch, dependsOn, inputs, outputs, executor, failable, actions, Step.Retry.NONE);
    }

    private void add(String id, TaskKind kind, String repo, String arch, List<String> dependsOn, List<String> inputs,
                     List<String> outputs, Executor executor, boolean failable, List<Action> actions,
                     Step.Retry retry) {
        if (tasks.containsKey(id)) {
            throw new IllegalStateException("task planned twice: " + id);
        }
        for (String dep : dependsOn) {
            if (!tasks.containsKey(dep)) {
                throw new IllegalStateException("task " + id + " depends on unplanned task " + dep);
            }
        }
        tasks.put(id, new Task(id, kind, repo, arch, List.copyOf(dependsOn), List.copyOf(inputs),
                List.copyOf(outputs), executor, failable, List.copyOf(actions), retry));
    }
}
