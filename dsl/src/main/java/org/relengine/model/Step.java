package org.relengine.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One step of the compose or publish pipeline, as the recipe declares it. Steps run in pipeline order,
 * not in the order they are written; each names the steps it needs in {@link #requires()}.
 */
public sealed interface Step {

    /** The keyword that declares the step. */
    String keyword();

    Origin origin();

    /** Keywords of the steps this one cannot run without. */
    default List<String> requires() {
        return List.of();
    }

    /** How a failure of this step is treated: required everywhere, failable everywhere, or on named arches. */
    record Failability(boolean everywhere, List<String> arches) {
        public static final Failability REQUIRED = new Failability(false, List.of());

        public boolean failableOn(String arch) {
            return everywhere || (arch != null && arches.contains(arch));
        }
    }

    /**
     * How often a step's tasks are tried when they fail: for steps that reach the network, where a failure
     * is often a passing one. Each wait doubles the one before, up to {@link #MAX_WAIT}.
     */
    record Retry(int retries, Duration delay) {
        public static final Duration DEFAULT_DELAY = Duration.ofSeconds(30);
        public static final Duration MAX_WAIT = Duration.ofMinutes(10);
        public static final Retry NONE = new Retry(0, DEFAULT_DELAY);

        /** The first attempt and every retry. */
        public int attempts() {
            return retries + 1;
        }

        /** How long to wait after failed attempt {@code attempt} (1 for the first) before the next. */
        public Duration waitAfter(int attempt) {
            Duration wait = delay;
            for (int i = 1; i < attempt && wait.compareTo(MAX_WAIT) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
        }
    }

    /** Reposync of every repo × arch × tree from a source, then repoclosure. */
    record Sync(SourceKind from, boolean debug, boolean source, boolean kickstart, boolean delete,
                boolean repoclosure, SyncEngine engine, int connections, Executor on, Failability failable,
                Retry retry, Origin origin) implements Placed {
        /** The native engine's downloads at once from each server, unless the recipe says otherwise. */
        public static final int CONNECTIONS = 16;
        /** More connections to one server than a mirror's admin would let one client keep. */
        public static final int MOST_CONNECTIONS = 64;

        public Sync on(Executor executor) {
            return new Sync(from, debug, source, kickstart, delete, repoclosure, engine, connections, executor,
                    failable, retry, origin);
        }

        public Sync engine(SyncEngine other) {
            return new Sync(from, debug, source, kickstart, delete, repoclosure, other, connections, on, failable,
                    retry, origin);
        }

        public String keyword() {
            return "sync";
        }
    }

    /** Per-arch lorax boot images (run natively on each arch). */
    record Iso(List<String> arches, Executor on, Failability failable, Origin origin) implements Placed {
        public Iso on(Executor executor) {
            return new Iso(arches, executor, failable, origin);
        }

        public String keyword() {
            return "iso";
        }

        public List<String> requires() {
            return List.of("sync");
        }
    }

    /**
     * Pull the newest lorax result per arch from the artifact store, unpack it into the compose.
     *
     * @param implied not written in the recipe: an {@code extras} step needs it, so it is there with its defaults
     *                (and {@code origin} is that of the first {@code extras})
     */
    record Unpack(Failability failable, Retry retry, Origin origin, boolean implied) implements Step {
        public Unpack(Failability failable, Retry retry, Origin origin) {
            this(failable, retry, origin, false);
        }

        /** The unpack an {@code extras} step implies when the recipe declares none. */
        public static Unpack impliedBy(Extras extras) {
            return new Unpack(Failability.REQUIRED, Retry.NONE, extras.origin(), true);
        }

        public String keyword() {
            return "unpack";
        }

        /** An implied unpack's requirement is its {@code extras}'s, reported there. */
        public List<String> requires() {
            return implied ? List.of() : List.of("iso");
        }
    }

    /** An extra ISO (the DVD) per arch, made by replaying the boot ISO with the packages grafted. */
    record Extras(String image, Executor on, Failability failable, Origin origin) implements Placed {
        public Extras on(Executor executor) {
            return new Extras(image, executor, failable, origin);
        }

        public String keyword() {
            return "extras";
        }

        /** It replays the boot ISO that {@code unpack} (declared or implied) pulls from what {@code iso} built. */
        public List<String> requires() {
            return List.of("sync", "iso");
        }
    }

    /** Pull the newest cloud images of the declared types from the artifact store. */
    record Cloud(List<String> types, Failability failable, Retry retry, Origin origin) implements Step {
        public String keyword() {
            return "cloud";
        }
    }

    /**
     * Live ISOs with livemedia-creator, from kickstarts flattened out of a git repository.
     *
     * @param kickstarts   the git repository of the kickstarts; null when the recipe gives none (an error)
     * @param ref          its branch, tag or commit
     * @param kickstartSet the directory under {@code live/<major>/<arch>/}: {@code peridot} or {@code stage}
     * @param packages     what is installed in the mock chroot before the build
     */
    record Live(List<String> images, String kickstarts, String ref, String kickstartSet, List<String> packages,
                Executor on, Failability failable, Retry retry, Origin origin) implements Placed {
        /** What the toolkit's livemap installs in the chroot (required_pkgs). */
        public static final List<String> PACKAGES = List.of("lorax-lmc-novirt", "vim-minimal", "pykickstart", "git");

        public Live on(Executor executor) {
            return new Live(images, kickstarts, ref, kickstartSet, packages, executor, failable, retry, origin);
        }

        public String keyword() {
            return "live";
        }

        public List<String> requires() {
            return List.of("sync");
        }
    }

    /** Move ISOs and images into the compose, write CHECKSUM files and metadata. Never on incremental runs. */
    record Finalize(Origin origin) implements Step {
        public String keyword() {
            return "finalize";
        }

        public List<String> requires() {
            return List.of("sync");
        }
    }

    /**
     * Compose → staging. With {@code createrepo} the Rocky 8 update path: a non-delete sync, then
     * {@code createrepo_c --update} with comps and module metadata.
     */
    record Staging(boolean delete, List<String> exclude, List<String> protect, boolean createrepo, boolean hardlink, String suffix,
                   String chown, Map<String, String> links, Origin origin) implements Step {
        public String keyword() {
            return "staging";
        }
    }

    /**
     * Staging → production, with an explicit delete scope: {@code exclude}d paths are neither copied nor
     * deleted, {@code protect}ed paths are copied but never deleted. Repodata files a new repomd.xml no
     * longer names stay {@code repodataGrace} hours, for mirrors still syncing what the old one named.
     */
    record Production(boolean delete, List<String> exclude, List<String> protect, String chown, int repodataGrace,
                      Origin origin) implements Step {
        public static final int DEFAULT_REPODATA_GRACE = 24;

        public String keyword() {
            return "production";
        }

        public List<String> requires() {
            return List.of("staging");
        }
    }

    /**
     * Rocky's minor-release-sync-to-staging, for a compose made elsewhere ({@code existing compose:}): the ISOs Pungi
     * leaves in each variant's {@code <arch>/iso} go to the staged release's {@code isos/<arch>} with their latest
     * links, manifests and CHECKSUM files; each {@code kickstart} repo gets a kickstart tree, a copy of its os tree; and
     * BaseOS's {@code .treeinfo} names the AppStream variant, as an installer reading it expects.
     *
     * @param isos      the variants whose {@code <arch>/iso} directories hold ISOs (the toolkit's ISO_TYPES)
     * @param kickstart the repos given a kickstart tree (the toolkit's MODS_REPOS); null: every repo with comps
     * @param drop      the compose's directories staging leaves out (the toolkit's NONREPO_DIRS)
     */
    record MinorRelease(List<String> isos, List<String> kickstart, List<String> drop, Origin origin) implements Step {
        public static final List<String> DEFAULT_ISOS = List.of("BaseOS", "Minimal");
        public static final List<String> DEFAULT_DROP = List.of("Minimal", "Cloud");
        /** The toolkit's copy of the .treeinfo it modified (treeinfoSaver), for treeinfoFixer to restore. */
        public static final String PRISTINE_TREEINFO = ".treeinfo-pristine";

        public String keyword() {
            return "minorRelease";
        }

        public List<String> requires() {
            return List.of("staging");
        }

        /** Whether the repo gets a kickstart tree: it is named, or none is and it has comps. */
        public boolean kickstartFor(Repo repo) {
            return kickstart == null ? repo.comps() : kickstart.contains(repo.name());
        }

        /**
         * What the staging rsync leaves out: the ISO directories (their ISOs go to {@code isos/<arch>} instead) and
         * the dropped variants, as rsync filter patterns anchored at the compose's tree.
         */
        public List<String> stagingExcludes() {
            List<String> excludes = new java.util.ArrayList<>();
            isos.forEach(variant -> excludes.add("/" + variant + "/*/iso/"));
            drop.forEach(variant -> excludes.add("/" + variant + "/"));
            // what this step makes in staging, which the compose does not have: never deleted by a delete sync
            excludes.addAll(List.of("/isos/", "/*/*/kickstart/", PRISTINE_TREEINFO));
            return excludes;
        }
    }

    /**
     * The published release moved to the vault once it is superseded ({@code --only vault}, a run of its own), as
     * vault-release.sh copies it, or, with {@code repodata: false}, as vault-release-no-repodata.sh does: without
     * production's repodata, made again in the vault. Then the vault's file lists.
     */
    record Vault(boolean repodata, String chown, Origin origin) implements Step {
        public String keyword() {
            return "vault";
        }

        public List<String> requires() {
            return List.of("production");
        }
    }

    /** Mirror file lists ({@code fullfilelist}, {@code fullfiletimelist-<module>}) after every sync. */
    record FileLists(List<String> modules, boolean root, Origin origin) implements Step {
        public String keyword() {
            return "filelists";
        }
    }

    /**
     * A torrent per ISO set.
     *
     * @param dir   where each ISO's torrent directory goes (gen-torrents.sh's TORRENT_DOWNLOAD_DIR, rtorrent's download
     *              directory); null: the compose's {@code work/torrents}
     * @param watch where the finished {@code .torrent} goes (TORRENT_START_DIR, rtorrent's watch directory); null:
     *              beside its directory
     */
    record Torrents(List<String> announce, String comment, String dir, String watch, Origin origin) implements Step {
        public String keyword() {
            return "torrents";
        }

        /**
         * The comment with the release's {@code {version}}, {@code {major}} and {@code {minor}} in it, so that a
         * release-notes URL ({@code …/release_notes/{major}_{minor}/}) follows a version bump.
         */
        public String comment(Release release) {
            return comment.replace("{version}", release.version()).replace("{major}", String.valueOf(release.major()))
                    .replace("{minor}", String.valueOf(release.minor()));
        }
    }

    /**
     * Errata, as Rocky's apollo_tree publishes them: {@code <url>/<product>/<major>/<repo>/updateinfo.xml?arch=<arch>}
     * fetched for the staged {@code os} tree of each of {@code repos} (null: every repo) and injected into its
     * repodata with {@code modifyrepo_c}, after createrepo and before signing.
     */
    record Updateinfo(String url, String product, List<String> repos, Origin origin) implements Step {
        public static final String DEFAULT_PRODUCT = "rocky-linux";

        /** Whether the errata of {@code repo} are published: it is named, or no repo is. */
        public boolean covers(String repo) {
            return repos == null || repos.contains(repo);
        }

        public String keyword() {
            return "updateinfo";
        }

        public List<String> requires() {
            return List.of("staging");
        }
    }

    /** A step whose work runs where the recipe says ({@code on:}); a run may move it onto this machine. */
    sealed interface Placed extends Step permits Sync, Iso, Extras, Live {
        Executor on();

        /** The same step, run on {@code executor}. */
        Placed on(Executor executor);
    }

    /** A step that signs with a GPG key, which it must name. */
    sealed interface Signing extends Step permits Sign, SignRepos {
        String key();
    }

    /** Detached signatures: {@code repomd.xml.asc} after the last repodata change, and CHECKSUM files. */
    record Sign(String key, boolean repomd, boolean checksums, Origin origin) implements Signing {
        public String keyword() {
            return "sign";
        }

        public List<String> requires() {
            return List.of("staging");
        }
    }

    /**
     * Rocky's sign-repos-only: a detached signature of the {@code repomd.xml} of every staged tree of the kinds
     * named ({@code os}, {@code debug}, {@code source}, {@code kickstart}), with the key in {@code homedir} (null:
     * gpg's own home).
     */
    record SignRepos(String key, List<String> trees, String homedir, Origin origin) implements Signing {
        public static final List<String> DEFAULT_TREES = List.of("os", "debug", "source");

        public String keyword() {
            return "signRepos";
        }

        public List<String> requires() {
            return List.of("staging");
        }
    }
}
