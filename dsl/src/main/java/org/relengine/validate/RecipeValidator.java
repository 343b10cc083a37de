package org.relengine.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.relengine.model.Arches;
import org.relengine.model.Channel;
import org.relengine.model.CloudImage;
import org.relengine.model.Executor;
import org.relengine.model.ExecutorSettings;
import org.relengine.model.FileListModule;
import org.relengine.model.Gpg;
import org.relengine.model.Image;
import org.relengine.model.LiveImage;
import org.relengine.model.Origin;
import org.relengine.model.Position;
import org.relengine.model.Recipe;
import org.relengine.model.Release;
import org.relengine.model.Repo;
import org.relengine.model.Source;
import org.relengine.model.SourceKind;
import org.relengine.model.Step;
import org.relengine.model.SyncEngine;

/**
 * Checks what a recipe means, after it has been read: every rule reports at the position of what is
 * wrong and checking goes on, so one run shows every problem. Each rule is one method.
 */
public final class RecipeValidator {

    /** ISO 9660 limit on a volume identifier. */
    public static final int MAX_VOLUME_ID = 32;

    private static final String ARGS = "";

    private final Recipe recipe;
    private final Diagnostics out;
    private final Set<String> releaseArches;

    private RecipeValidator(Recipe recipe, Diagnostics out) {
        this.recipe = recipe;
        this.out = out;
        this.releaseArches = new LinkedHashSet<>(recipe.arches());
    }

    public static void validate(Recipe recipe, Diagnostics out) {
        RecipeValidator v = new RecipeValidator(recipe, out);
        List<Consumer<RecipeValidator>> rules = List.of(
                RecipeValidator::release,
                RecipeValidator::arches,
                RecipeValidator::sources,
                RecipeValidator::gpg,
                RecipeValidator::repos,
                RecipeValidator::closures,
                RecipeValidator::closureCycles,
                RecipeValidator::images,
                RecipeValidator::volumeIds,
                RecipeValidator::steps,
                RecipeValidator::existing,
                RecipeValidator::sig,
                RecipeValidator::executors);
        rules.forEach(rule -> rule.accept(v));
    }

    /** {@code existing compose:}: an absolute directory, published by a {@code staging} step. */
    private void existing() {
        var existing = recipe.existing();
        if (existing == null) {
            return;
        }
        Origin origin = existing.origin();
        if (existing.dir() == null) {
            out.error(Problem.MISSING_OPTION, origin.at(), "existing".length(),
                    "the compose directory, e.g. compose: '/mnt/compose/8/latest-Rocky-8'", "existing", "compose");
        } else {
            absoluteDirectory("`existing compose:`", existing.dir(), origin.option("compose"),
                    "'/mnt/compose/8/latest-Rocky-8'");
        }
        if (recipe.step(Step.Staging.class).isEmpty()) {
            out.error(Problem.CONFLICT, origin.at(), "existing".length(), "declare it, e.g. publish { staging "
                    + "delete: false }", "`existing compose:` publishes a compose, which takes a `staging` step");
        }
    }

    /**
     * {@code sig 'cloud'}: a lower-case name, as the mirror's directory; repos only (a SIG ships no install media),
     * plain repositories (no kickstart trees).
     */
    private void sig() {
        var sig = recipe.sig();
        if (sig == null) {
            return;
        }
        Origin origin = sig.origin();
        if (sig.name() == null || !sig.name().matches("[a-z0-9][a-z0-9_-]*")) {
            out.error(Problem.CONFLICT, origin.element(ARGS, 0), sig.name() == null ? 3 : sig.name().length() + 2,
                    "e.g. sig 'cloud'", "the SIG's name `" + sig.name() + "` is not a directory name of the mirror: "
                            + "lower-case letters, digits, - and _");
        }
        if (recipe.lorax() != null || !recipe.images().isEmpty() || !recipe.cloudImages().isEmpty()
                || !recipe.liveImages().isEmpty()) {
            out.error(Problem.CONFLICT, origin.at(), "sig".length(), "remove the `images { }` block",
                    "a SIG compose publishes repos only, and this recipe declares images");
        }
        recipe.step(Step.Sync.class).filter(Step.Sync::kickstart).ifPresent(sync -> out.error(Problem.CONFLICT,
                sync.origin().at(), "sync".length(), "write sync …, kickstart: false",
                "a SIG's repos have no kickstart trees, and `sync` makes them (kickstart defaults to true)"));
    }

    private void release() {
        Release release = recipe.release();
        Origin origin = release.origin();
        if (!origin.has("version") && release.version().isEmpty()) {
            if (origin.options().isEmpty()) {
                out.error(Problem.MISSING, origin.at(), 1, "start the recipe with e.g. "
                        + "release 'Rocky Linux', version: '9.5'", "release");
                return;
            }
            out.error(Problem.MISSING_OPTION, origin.at(), "release".length(), "e.g. version: '9.5'",
                    "release", "version");
        } else if (!release.version().matches("\\d{1,4}\\.\\d{1,4}")) {
            out.error(Problem.MALFORMED_VERSION, origin.option("version"), release.version().length() + 2, null,
                    release.version());
        }
        if (release.name().isEmpty() && origin.at().isKnown() && !origin.has(ARGS) && !origin.options().isEmpty()) {
            out.error(Problem.MISSING_ARGUMENT, origin.at(), "release".length(), null, "release", "product name",
                    "release 'Rocky Linux', version: '" + release.version() + "'");
        }
        if (release.rc() != null && !release.rc().matches("[A-Z]+[0-9]+")) {
            out.error(Problem.MALFORMED_RC, origin.option("rc"), release.rc().length() + 2, null, release.rc());
        }
    }

    private void arches() {
        if (recipe.arches().isEmpty()) {
            out.error(Problem.MISSING, recipe.release().origin().at(), 1,
                    "e.g. arches 'x86_64', 'aarch64'", "arches");
            return;
        }
        Set<String> seen = new HashSet<>();
        List<String> arches = recipe.arches();
        Origin origin = recipe.archesOrigin();
        for (int i = 0; i < arches.size(); i++) {
            String arch = arches.get(i);
            Position at = origin.element(ARGS, i);
            if (!Arches.isKnown(arch)) {
                unknownArch(arch, at);
            } else if (!seen.add(arch)) {
                out.error(Problem.DUPLICATE_ARCH, at, arch.length() + 2, null, arch);
            }
        }
        int i = 0;
        for (Map.Entry<String, List<String>> entry : recipe.multilib().entrySet()) {
            Position at = origin.element("multilib", i++);
            if (!releaseArches.contains(entry.getKey())) {
                out.error(Problem.MULTILIB_ARCH, at, entry.getKey().length(), null, entry.getKey());
            }
            for (String arch : entry.getValue()) {
                if (!Arches.isKnown(arch)) {
                    unknownArch(arch, at);
                }
            }
        }
    }

    private void unknownArch(String arch, Position at) {
        String hint = Suggestions.didYouMean(arch, Arches.KNOWN);
        if (hint == null) {
            hint = "known arches: " + String.join(", ", Arches.KNOWN);
        }
        out.error(Problem.UNKNOWN_ARCH, at, arch.length() + 2, hint, arch);
    }

    private void sources() {
        for (Source source : recipe.sources()) {
            Origin origin = source.origin();
            if (source.url().isEmpty()) {
                out.error(Problem.MISSING_OPTION, origin.at(), "source".length(), null,
                        "source " + source.kind().word(), "url");
            }
            if (source.kind() == SourceKind.PERIDOT && source.project() == null) {
                out.error(Problem.MISSING_OPTION, origin.at(), "source".length(), "the Peridot project id",
                        "source peridot", "project");
            }
            if (source.kind() == SourceKind.YUM && !source.url().contains("{repo}")) {
                out.error(Problem.CONFLICT, origin.option("url"), source.url().length() + 2,
                        "e.g. 'https://example.org/{major}/{repo}/{arch}/os'",
                        "a yum source URL must contain {repo}, or every repo would sync from the same place");
            }
        }
    }

    private void gpg() {
        Gpg gpg = recipe.gpg();
        if (gpg.check() && gpg != Gpg.NONE && gpg.keys().isEmpty()) {
            out.error(Problem.MISSING_OPTION, gpg.origin().at(), "gpg".length(),
                    "or turn checking off with check: false", "gpg", "keys");
        }
    }

    private void repos() {
        if (recipe.repos().isEmpty()) {
            if (!recipe.arches().isEmpty()) {
                out.error(Problem.MISSING, recipe.release().origin().at(), 1, "e.g. repos { repo 'BaseOS' }",
                        "repos");
            }
            return;
        }
        for (Repo repo : recipe.repos()) {
            archesWithin("repo `" + repo.name() + "`", repo.arches(), repo.origin(), "arches");
            if (repo.arches().isEmpty() && repo.origin().has("arches")) {
                out.error(Problem.EMPTY, repo.origin().option("arches"), 2, "leave `arches` out for every arch",
                        "the arch list of repo `" + repo.name() + "`");
            }
        }
    }

    /**
     * Each arch of a list written in the recipe is known and one of the release's; reported at the
     * element. Lists not written, or written as {@code all}, are the release's arches, checked there.
     */
    private void archesWithin(String what, List<String> arches, Origin origin, String option) {
        if (!origin.elements().containsKey(option)) {
            return;
        }
        for (int i = 0; i < arches.size(); i++) {
            String arch = arches.get(i);
            Position at = origin.element(option, i);
            if (!Arches.isKnown(arch)) {
                unknownArch(arch, at);
            } else if (!releaseArches.isEmpty() && !releaseArches.contains(arch) && !meant(arch)) {
                String hint = Suggestions.didYouMean(arch,
                        releaseArches.stream().filter(Arches::isKnown).toList());
                out.error(Problem.ARCH_NOT_IN_RELEASE, at, arch.length() + 2, hint, what, arch,
                        String.join(", ", releaseArches));
            }
        }
    }

    /**
     * Whether a misspelt release arch (reported there) most likely means this one: then a repo on it is
     * not reported again as outside the release.
     */
    private boolean meant(String arch) {
        return releaseArches.stream().filter(a -> !Arches.isKnown(a))
                .anyMatch(a -> Suggestions.closest(a, Arches.KNOWN).map(arch::equals).orElse(false));
    }

    private void closures() {
        for (Repo repo : recipe.repos()) {
            if (!repo.closureChecked()) {
                continue;
            }
            List<String> deps = repo.closure();
            for (int i = 0; i < deps.size(); i++) {
                String dep = deps.get(i);
                Position at = repo.origin().element("closure", i);
                if (dep.equals(repo.name())) {
                    out.error(Problem.CLOSURE_ON_ITSELF, at, dep.length() + 2,
                            "a repo is always checked against itself; leave it out", repo.name());
                    continue;
                }
                var target = recipe.repo(dep);
                if (target.isEmpty()) {
                    unknownRepo("the closure of repo `" + repo.name() + "`", dep, at);
                    continue;
                }
                List<String> missing = repo.arches().stream()
                        .filter(releaseArches::contains)
                        .filter(a -> !target.get().existsOn(a)).toList();
                if (!missing.isEmpty()) {
                    out.error(Problem.CLOSURE_ARCH, at, dep.length() + 2,
                            "limit repo `" + repo.name() + "` to the arches of `" + dep + "`, or drop `" + dep
                                    + "` from its closure", repo.name(), dep, String.join(", ", missing), dep);
                }
            }
        }
    }

    /**
     * Each link of {@code staging links:} is one plain name, not a repo's own directory, and leads to a declared repo:
     * anything else would stand in a repo's place or lead to nothing.
     */
    private void stagingLinks(Map<String, String> links, Origin origin) {
        int i = 0;
        for (Map.Entry<String, String> link : links.entrySet()) {
            Position at = origin.element("links", i++);
            String name = link.getKey();
            if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/")) {
                out.error(Problem.CONFLICT, at, name.length(), "a link is one name in the staging directory, e.g. nfv",
                        "`" + name + "` of `staging links:` is not one plain name");
            } else if (recipe.repo(name).isPresent()) {
                out.error(Problem.CONFLICT, at, name.length(), "link another name to it, e.g. " + name.toLowerCase()
                        + ": '" + name + "'", "`" + name + "` of `staging links:` is a repo's own directory, which a "
                        + "link would replace");
            } else if (recipe.repo(link.getValue()).isEmpty()) {
                // at the link's name: a map's values have no position of their own
                unknownRepo("`staging links:` for `" + name + "`", link.getValue(), at, name.length());
            }
        }
    }

    /** Each repo of a {@code repos:} list that the recipe does not declare, reported at its element. */
    private void unknownRepos(String what, List<String> repos, Origin origin) {
        unknownRepos(what, "repos", repos, origin);
    }

    private void unknownRepos(String what, String option, List<String> repos, Origin origin) {
        for (int i = 0; i < repos.size(); i++) {
            if (recipe.repo(repos.get(i)).isEmpty()) {
                unknownRepo(what, repos.get(i), origin.element(option, i));
            }
        }
    }

    private void unknownRepo(String what, String name, Position at) {
        unknownRepo(what, name, at, name.length() + 2);
    }

    private void unknownRepo(String what, String name, Position at, int length) {
        String hint = Suggestions.didYouMean(name, recipe.repos().stream().map(Repo::name).toList());
        out.error(Problem.UNKNOWN_REPO, at, length, hint, what, name);
    }

    private void closureCycles() {
        Map<String, List<String>> graph = new HashMap<>();
        for (Repo repo : recipe.repos()) {
            graph.put(repo.name(), repo.closureChecked() ? repo.closure() : List.of());
        }
        Set<String> done = new HashSet<>();
        Set<String> reported = new HashSet<>();
        for (Repo repo : recipe.repos()) {
            findCycle(repo.name(), graph, new ArrayList<>(), done, reported);
        }
    }

    private void findCycle(String repo, Map<String, List<String>> graph, List<String> path, Set<String> done,
                           Set<String> reported) {
        int index = path.indexOf(repo);
        if (index >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(index, path.size()));
            Set<String> members = new HashSet<>(cycle);
            if (reported.addAll(members) || !reported.containsAll(members)) {
                cycle.add(repo);
                Repo first = recipe.repo(cycle.get(0)).orElseThrow();
                Position at = first.origin().element("closure", first.closure().indexOf(cycle.get(1)));
                out.error(Problem.CLOSURE_CYCLE, at, cycle.get(1).length() + 2,
                        "repoclosure checks a repo against others that are already closed; break the cycle",
                        "`" + String.join("` → `", cycle) + "`");
            }
            return;
        }
        if (done.contains(repo) || !graph.containsKey(repo)) {
            return;
        }
        path.add(repo);
        for (String dep : graph.get(repo)) {
            if (!dep.equals(repo)) {
                findCycle(dep, graph, path, done, reported);
            }
        }
        path.remove(path.size() - 1);
        done.add(repo);
    }

    /** Why a lorax source is not a URL lorax reads (http, https, ftp or file, placeholders {arch} and {major} only). */
    static String loraxSourceProblem(String url) {
        if (!url.matches("(?i)(https?|ftp|file)://\\S+")) {
            return "it must start with http://, https://, ftp:// or file:// and have no spaces";
        }
        if (url.contains("$")) {
            return "dnf's variables ($basearch, $releasever) are not filled in for lorax; write {arch} or {major}";
        }
        java.util.regex.Matcher placeholder = java.util.regex.Pattern.compile("\\{([^}]*)}").matcher(url);
        while (placeholder.find()) {
            if (!placeholder.group(1).equals("arch") && !placeholder.group(1).equals("major")) {
                return "{" + placeholder.group(1) + "} is not filled in; only {arch} and {major} are";
            }
        }
        return null;
    }

    private void images() {
        if (recipe.lorax() != null && (recipe.lorax().rootfsSize() < 1 || recipe.lorax().rootfsSize() > 64)) {
            out.error(Problem.OUT_OF_RANGE, recipe.lorax().origin().option("rootfsSize"),
                    String.valueOf(recipe.lorax().rootfsSize()).length(), null,
                    "`rootfsSize` of `lorax`", recipe.lorax().rootfsSize(), "1 to 64 (GiB)");
        }
        if (recipe.lorax() != null) {
            unknownRepos("`lorax`", recipe.lorax().repos(), recipe.lorax().origin());
            List<String> sources = recipe.lorax().sources();
            for (int i = 0; i < sources.size(); i++) {
                String why = loraxSourceProblem(sources.get(i));
                if (why != null) {
                    out.error(Problem.MALFORMED_URL, recipe.lorax().origin().element("sources", i),
                            sources.get(i).length() + 2, "e.g. 'https://yumrepofs.example.org/repo/core-common/{arch}'",
                            "the lorax source", sources.get(i), "lorax", why);
                }
            }
        }
        for (Image image : recipe.images()) {
            unknownRepos("image `" + image.name() + "`", image.repos(), image.origin());
        }
        for (CloudImage cloud : recipe.cloudImages()) {
            archesWithin("cloud image `" + cloud.type() + "`", cloud.arches(), cloud.origin(), "arches");
            if (cloud.primary() != null && !cloud.variants().contains(cloud.primary())) {
                out.error(Problem.UNKNOWN_IMAGE, cloud.origin().option("primary"), cloud.primary().length() + 2,
                        Suggestions.didYouMean(cloud.primary(), cloud.variants()),
                        "cloud image `" + cloud.type() + "`", "primary variant", cloud.primary());
            }
        }
        for (LiveImage live : recipe.liveImages()) {
            archesWithin("live image `" + live.name() + "`", live.arches(), live.origin(), "arches");
        }
    }

    private void volumeIds() {
        Release release = recipe.release();
        if (release.version().isEmpty()) {
            return;
        }
        for (Image image : recipe.images()) {
            if (!image.disc() || !image.built()) {
                continue;
            }
            for (String arch : recipe.arches()) {
                String volumeId = release.volumeId(arch, image.name());
                if (volumeId.length() > MAX_VOLUME_ID) {
                    out.error(Problem.VOLUME_ID_TOO_LONG, image.origin().element(ARGS, 0), image.name().length() + 2,
                            "shorten the image name or the release's short name", volumeId, volumeId.length());
                    break;
                }
            }
        }
    }

    private void steps() {
        Set<String> declared = new HashSet<>();
        recipe.compose().forEach(s -> declared.add(s.keyword()));
        recipe.publish().forEach(s -> declared.add(s.keyword()));
        List<Step> all = new ArrayList<>(recipe.compose());
        all.addAll(recipe.publish());
        for (Step step : all) {
            for (String needed : step.requires()) {
                if (!declared.contains(needed)) {
                    out.error(Problem.PREREQUISITE_MISSING, step.origin().at(), step.keyword().length(),
                            "declare `" + needed + "` in `" + blockOf(needed) + " { … }`", step.keyword(), needed);
                }
            }
            step(step);
        }
    }

    private static String blockOf(String step) {
        return org.relengine.dsl.Grammar.blocksDeclaring(step).stream().findFirst().orElse("compose");
    }

    private void step(Step step) {
        Origin origin = step.origin();
        if (step instanceof Step.Sync sync) {
            if (recipe.source(sync.from()).isEmpty()) {
                out.error(Problem.UNKNOWN_SOURCE, origin.option("from"), sync.from().word().length(),
                        "declare it, e.g. source " + sync.from().word() + ", url: '…'", "sync",
                        sync.from().word(), sync.from().word());
            }
            failableArches(sync.failable(), origin);
            retries(sync.retry(), step);
            connections(sync);
        } else if (step instanceof Step.Iso iso) {
            if (iso.on() == Executor.KUBERNETES && recipe.artifacts() == null) {
                // a Job's results leave its pod only through a store both sides reach; lorax here writes the work tree
                out.error(Problem.DECLARATION_MISSING, origin.option("on"), iso.on().word().length(),
                        "declare where they go, e.g. artifacts bucket: 'resf-empanadas', region: 'us-east-2', "
                                + "url: 'https://resf-empanadas.s3.us-east-2.amazonaws.com'; or run lorax on this "
                                + "machine (without `on: kubernetes`) to keep them in the compose's work tree",
                        "iso", "artifacts", "lorax runs on kubernetes, and its results come back through a bucket");
            }
            archesWithin("step `iso`", iso.arches(), origin, "arches");
            failableArches(iso.failable(), origin);
        } else if (step instanceof Step.Extras extras) {
            extras(extras, origin);
        } else if (step instanceof Step.Cloud cloud) {
            needsArtifacts(step);
            List<String> types = recipe.cloudImages().stream().map(CloudImage::type).toList();
            names("`cloud`", "cloud image", cloud.types(), types, origin, "types");
            failableArches(cloud.failable(), origin);
            retries(cloud.retry(), step);
        } else if (step instanceof Step.Live live) {
            List<String> names = recipe.liveImages().stream().map(LiveImage::name).toList();
            names("`live`", "live image", live.images(), names, origin, "images");
            live(live, origin);
            failableArches(live.failable(), origin);
            retries(live.retry(), step);
        } else if (step instanceof Step.Unpack unpack) {
            failableArches(unpack.failable(), origin);
            retries(unpack.retry(), step);
        } else if (step instanceof Step.Staging staging) {
            owner(staging.chown(), origin);
            stagingLinks(staging.links(), origin);
        } else if (step instanceof Step.Production production) {
            staysInStaging(step, origin);
            owner(production.chown(), origin);
            // a month: old repodata kept longer only fills the mirrors
            if (production.repodataGrace() < 0 || production.repodataGrace() > 720) {
                out.error(Problem.OUT_OF_RANGE, origin.option("repodataGrace"),
                        String.valueOf(production.repodataGrace()).length(), null, "`repodataGrace` of `production`",
                        production.repodataGrace(), "0 to 720 (hours)");
            }
        } else if (step instanceof Step.Updateinfo updateinfo) {
            updateinfo(updateinfo, origin);
        } else if (step instanceof Step.Vault vault) {
            staysInStaging(step, origin);
            owner(vault.chown(), origin);
        } else if (step instanceof Step.MinorRelease minorRelease) {
            minorRelease(minorRelease, origin);
        } else if (step instanceof Step.Torrents torrents) {
            if (torrents.dir() != null) {
                absoluteDirectory("`torrents dir:`", torrents.dir(), origin.option("dir"), "'/opt/rtorrent/download'");
            }
            if (torrents.watch() != null) {
                absoluteDirectory("`torrents watch:`", torrents.watch(), origin.option("watch"),
                        "'/opt/rtorrent/watch/start'");
            }
        } else if (step instanceof Step.FileLists fileLists) {
            modules(fileLists.modules(), origin);
        } else if (step instanceof Step.Signing signing && signing.key() == null) {
            out.error(Problem.MISSING_OPTION, origin.at(), step.keyword().length(), "the GPG key id or fingerprint",
                    step.keyword(), "key");
        }
    }

    private void updateinfo(Step.Updateinfo updateinfo, Origin origin) {
        if (updateinfo.url() == null) {
            out.error(Problem.MISSING_OPTION, origin.at(), updateinfo.keyword().length(),
                    "the errata service's updateinfo API, e.g. url: 'https://apollo.build.resf.org/api/v3/updateinfo'",
                    updateinfo.keyword(), "url");
        } else if (!updateinfo.url().matches("(?i)https?://[^\\s?#]+")) {
            out.error(Problem.MALFORMED_URL, origin.option("url"), updateinfo.url().length() + 2,
                    "e.g. 'https://apollo.build.resf.org/api/v3/updateinfo'", "the updateinfo url", updateinfo.url(),
                    "relengine", "it must start with http:// or https:// and have no spaces, query or fragment");
        }
        if (updateinfo.repos() != null) {
            unknownRepos("`updateinfo`", updateinfo.repos(), origin);
        }
    }

    /** A directory option, which must be absolute: reported at the option's value, with an example. */
    private void absoluteDirectory(String what, String dir, Position at, String example) {
        if (!dir.startsWith("/") || dir.contains("\n")) {
            out.error(Problem.CONFLICT, at, dir.length() + 2, "e.g. " + example, what + " is `" + dir
                    + "`, which is not an absolute directory");
        }
    }

    /** Beta and LookAhead are served from staging only: the toolkit refuses to vault them, and never promotes them. */
    private void staysInStaging(Step step, Origin origin) {
        Channel channel = recipe.release().channel();
        if (channel != Channel.STABLE) {
            out.error(Problem.CONFLICT, origin.at(), step.keyword().length(), "remove it: publish { remove '"
                    + step.keyword() + "' }", "a " + channel.name().toLowerCase(java.util.Locale.ROOT) + " release is "
                    + "served from staging only; `" + step.keyword() + "` would put it in "
                    + (step instanceof Step.Vault ? "the vault" : "production"));
        }
    }

    private void minorRelease(Step.MinorRelease minorRelease, Origin origin) {
        if (recipe.existing() == null) {
            out.error(Problem.CONFLICT, origin.at(), minorRelease.keyword().length(), "publish the compose Pungi made "
                    + "with e.g. existing compose: '/mnt/compose/9/latest-Rocky-9'", "`minorRelease` reshapes a "
                    + "compose made elsewhere; relengine's own composes already have isos/<arch> and kickstart trees");
        }
        if (minorRelease.kickstart() != null) {
            unknownRepos("`minorRelease`", "kickstart", minorRelease.kickstart(), origin);
        }
        for (String option : List.of("isos", "drop")) {
            List<String> names = option.equals("isos") ? minorRelease.isos() : minorRelease.drop();
            for (int i = 0; i < names.size(); i++) {
                if (!names.get(i).matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                    out.error(Problem.CONFLICT, origin.element(option, i), names.get(i).length() + 2,
                            "e.g. 'Minimal'", "`" + option + "` names `" + names.get(i) + "`, which is not the name "
                                    + "of a directory at the top of the compose's tree");
                }
            }
        }
    }

    /**
     * Live images are built as build-iso-live builds them: livemedia-creator in a mock chroot, or on this machine
     * when it is a Rocky host; from the kickstarts of a git repository, in its {@code peridot} or {@code stage} set.
     */
    private void live(Step.Live live, Origin origin) {
        if (live.kickstarts() == null && !recipe.liveImages().isEmpty()) {
            out.error(Problem.MISSING_OPTION, origin.at(), "live".length(), "the git repository of the kickstarts, "
                    + "e.g. kickstarts: 'https://git.resf.org/sig_core/kickstarts.git'", "live", "kickstarts");
        }
        if (live.on() != Executor.MOCK && live.on() != Executor.LOCAL) {
            out.error(Problem.CONFLICT, origin.option("on"), live.on().word().length(), "write on: mock",
                    "livemedia-creator --no-virt needs loop devices and a chroot of its own: `live` runs in mock, "
                            + "or on this machine when it is a Rocky host, not on " + live.on().word());
        }
        if (!List.of("peridot", "stage").contains(live.kickstartSet())) {
            out.error(Problem.CONFLICT, origin.option("kickstartSet"), live.kickstartSet().length() + 2,
                    "the kickstarts repository keeps live/<major>/<arch>/peridot and live/<major>/<arch>/stage",
                    "`kickstartSet:` is peridot or stage, not '" + live.kickstartSet() + "'");
        }
    }

    private void extras(Step.Extras extras, Origin origin) {
        var image = recipe.image(extras.image());
        Position at = origin.element(ARGS, 0);
        if (image.isEmpty()) {
            out.error(Problem.UNKNOWN_IMAGE, at, extras.image().length() + 2,
                    Suggestions.didYouMean(extras.image(), recipe.images().stream().map(Image::name).toList()),
                    "`extras`", "image", extras.image());
        } else if (image.get().skip()) {
            out.error(Problem.IMAGE_NOT_BUILT, at, extras.image().length() + 2,
                    "remove `skip: true` from the image, or this step", extras.image(), "skip: true");
        } else if (!image.get().disc()) {
            out.error(Problem.IMAGE_NOT_BUILT, at, extras.image().length() + 2,
                    "an image with disc: false is a tree, not an ISO", extras.image(), "disc: false");
        }
        failableArches(extras.failable(), origin);
    }

    private void needsArtifacts(Step step) {
        if (recipe.artifacts() == null) {
            out.error(Problem.DECLARATION_MISSING, step.origin().at(), step.keyword().length(),
                    "e.g. artifacts url: 'https://bucket.example.org'", step.keyword(), "artifacts",
                    "at the top level");
        }
    }

    private void names(String what, String kind, List<String> named, List<String> declared, Origin origin,
                       String option) {
        if (named == null) {
            return;
        }
        for (int i = 0; i < named.size(); i++) {
            if (!declared.contains(named.get(i))) {
                out.error(Problem.UNKNOWN_IMAGE, origin.element(option, i), named.get(i).length() + 2,
                        Suggestions.didYouMean(named.get(i), declared), what, kind, named.get(i));
            }
        }
    }

    private void failableArches(Step.Failability failable, Origin origin) {
        archesWithin("`failable`", failable.arches(), origin, "failable");
    }

    private void retries(Step.Retry retry, Step step) {
        if (retry.retries() < 0) {
            out.error(Problem.OUT_OF_RANGE, step.origin().option("retries"), String.valueOf(retry.retries()).length(),
                    "0 tries a failed task once, without retrying", "`retries` of `" + step.keyword() + "`",
                    retry.retries(), "0 or more");
        }
    }

    private void connections(Step.Sync sync) {
        if (!sync.origin().has("connections")) {
            return;
        }
        int length = String.valueOf(sync.connections()).length();
        if (sync.connections() < 1 || sync.connections() > Step.Sync.MOST_CONNECTIONS) {
            out.error(Problem.OUT_OF_RANGE, sync.origin().option("connections"), length,
                    "more pay for a distant source, fewer spare one that limits its clients", "`connections` of `sync`",
                    sync.connections(), "1 to " + Step.Sync.MOST_CONNECTIONS);
        } else if (sync.engine() == SyncEngine.DNF) {
            out.error(Problem.CONFLICT, sync.origin().option("connections"), length,
                    "remove `connections`, or `engine: dnf`", "`connections` sets the downloads of relengine's sync "
                    + "engine, and this sync runs dnf reposync, which downloads as its configuration says");
        }
    }

    /** A module names a directory of the mirror tree and a file in it: `../x` would write outside the tree. */
    private void modules(List<String> modules, Origin origin) {
        for (int i = 0; i < modules.size(); i++) {
            String module = modules.get(i);
            String refusal = FileListModule.refusal(module);
            if (refusal != null) {
                out.error(Problem.MALFORMED_MODULE, origin.element("modules", i), module.length() + 2,
                        FileListModule.HINT, FileListModule.shown(module), refusal);
            }
        }
    }

    /** A Job needs an image to run in; there is no sensible default for the cluster's. */
    private void executors() {
        ExecutorSettings.Kubernetes kubernetes = recipe.executors().kubernetes();
        if (kubernetes.origin().at() != Position.NONE) {
            String keep = kubernetes.keepJobs();
            if (ExecutorSettings.KeepJobs.of(keep).isEmpty()) {
                out.error(Problem.WRONG_TYPE, kubernetes.origin().option("keepJobs"), keep.length() + 2,
                        "write keepJobs: 'failed', 'all' or 'none'", "`keepJobs`", "failed, all or none", "'" + keep + "'");
            }
            if (kubernetes.backoffLimit() < 0) {
                out.error(Problem.OUT_OF_RANGE, kubernetes.origin().option("backoffLimit"),
                        String.valueOf(kubernetes.backoffLimit()).length(), null, "`backoffLimit` of `kubernetes`",
                        kubernetes.backoffLimit(), "0 or more");
            }
        }
        if (kubernetes.image() != null) {
            return;
        }
        java.util.stream.Stream.concat(recipe.compose().stream(), recipe.publish().stream())
                .filter(Step.Placed.class::isInstance).map(Step.Placed.class::cast)
                .filter(step -> step.on() == Executor.KUBERNETES).findFirst()
                .ifPresent(step -> out.error(Problem.DECLARATION_MISSING, step.origin().option("on"),
                        step.on().word().length(), "declare the image its Jobs run in, e.g. kubernetes namespace: "
                                + "'empanadas', image: 'ghcr.io/rocky-linux/sig-core-toolkit:latest'",
                        step.keyword(), "kubernetes", "with an image: each task on kubernetes runs as a Job"));
    }

    private void owner(String chown, Origin origin) {
        if (chown != null && !chown.matches("\\d+:\\d+")) {
            out.error(Problem.MALFORMED_OWNER, origin.option("chown"), chown.length() + 2, null, chown);
        }
    }
}
