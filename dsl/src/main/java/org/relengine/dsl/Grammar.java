package org.relengine.dsl;

import static org.relengine.dsl.Keyword.declare;
import static org.relengine.dsl.ValueType.ARCHES;
import static org.relengine.dsl.ValueType.BOOLEAN;
import static org.relengine.dsl.ValueType.BOOLEAN_OR_STRINGS;
import static org.relengine.dsl.ValueType.CHANNEL;
import static org.relengine.dsl.ValueType.DURATION;
import static org.relengine.dsl.ValueType.ENGINE;
import static org.relengine.dsl.ValueType.EXECUTOR;
import static org.relengine.dsl.ValueType.INTEGER;
import static org.relengine.dsl.ValueType.SOURCE;
import static org.relengine.dsl.ValueType.STRING;
import static org.relengine.dsl.ValueType.STRINGS;
import static org.relengine.dsl.ValueType.STRINGS_BY_STRING;
import static org.relengine.dsl.ValueType.STRING_BY_STRING;

import java.util.ArrayList;
import java.util.List;

/**
 * The recipe language, whole: every keyword, where it may appear, its arguments and options. The parser
 * checks recipes against it and the language reference is checked against it, so this is the one place
 * a keyword or option is added.
 */
public final class Grammar {

    private static final String FAILABLE = "a failure does not fail the compose: true, or a list of arches";

    private static final String RETRIES = "attempts after the first that a failed task gets (default 0)";

    private static final String RETRY_DELAY = "wait before the first retry, doubled before each next one (default '30s')";

    private static final Keyword REMOVE = declare("remove").args(1, 1, STRING, "name").directive()
            .doc("Drops an element inherited through `include`.", "remove 'RT'").build();

    public static final Keyword RECIPE = declare("recipe").block(
            declare("include").args(1, 1, STRING, "path").directive()
                    .doc("Takes another recipe as the base of this one; must come first. Path relative to this file.",
                            "include 'rocky9.groovy'").build(),
            declare("release").args(0, 1, STRING, "name")
                    .option("short", STRING, "short name used in file names")
                    .option("version", STRING, "major.minor")
                    .option("rc", STRING, "release-candidate level: RC1, BETA1, LH1…")
                    .option("final", BOOLEAN, "the final build: no RC level in image names, lorax --isfinal")
                    .option("channel", CHANNEL, "stable (default), beta or lookahead")
                    .option("code", STRING, "code name")
                    .option("bugurl", STRING, "bug tracker URL given to lorax")
                    .doc("The release: product name, version and channel. Every derived name comes from it.",
                            "release 'Rocky Linux', short: 'Rocky', version: '9.7', rc: 'RC1', code: 'Blue Onyx'")
                    .build(),
            declare("arches").args(1, 16, STRING, "arch")
                    .option("multilib", STRINGS_BY_STRING, "per base arch, the arches multilib repos add")
                    .doc("The release's arches, in order.",
                            "arches 'x86_64', 'aarch64', multilib: [x86_64: ['i686']]").build(),
            declare("source").named(SOURCE, "kind")
                    .option("url", STRING, "base URL")
                    .option("project", STRING, "Peridot project id")
                    .option("hashed", BOOLEAN, "use Peridot's hashed- repo view (Packages/<letter>/)")
                    .doc("A package source: `peridot`, the staging `mirror`, or any `yum` URL template "
                            + "with {repo}, {arch} and {major}.",
                            "source peridot, url: 'https://yumrepofs.build.resf.org/v1/projects', project: 'e285…', hashed: true")
                    .build(),
            declare("gpg")
                    .option("check", BOOLEAN, "check package and repo signatures")
                    .option("url", STRING, "base URL the key files are downloaded from")
                    .option("keys", STRINGS, "key file names")
                    .doc("The release's GPG keys.", "gpg check: true, url: 'https://…/SOURCES/', keys: ['RPM-GPG-KEY-Rocky-9']")
                    .build(),
            declare("extraFiles")
                    .option("git", STRING, "git repository URL")
                    .option("ref", STRING, "branch, tag or commit")
                    .option("files", STRINGS, "paths in the repository")
                    .doc("Files put on the DVD root and into the compose metadata.",
                            "extraFiles git: 'https://git.rockylinux.org/staging/src/rocky-release.git', ref: 'r9', files: ['EULA']")
                    .build(),
            declare("artifacts")
                    .option("url", STRING, "HTTP listing or directory of build results")
                    .option("bucket", STRING, "S3 bucket")
                    .option("region", STRING, "S3 region")
                    .option("endpoint", STRING, "S3 endpoint of a server other than AWS (S3Proxy, MinIO, Ceph)")
                    .option("pathStyle", BOOLEAN, "address the bucket in the URL path, not in the host name")
                    .option("hashContent", BOOLEAN, "a local store is fingerprinted by file content for --resume")
                    .doc("Where per-arch lorax results and cloud images are stored.",
                            "artifacts url: 'https://resf-empanadas.s3.us-east-2.amazonaws.com', bucket: 'resf-empanadas', region: 'us-east-2'")
                    .build(),
            declare("podman")
                    .option("image", STRING, "the image tasks `on: podman` run in (default docker.io/rockylinux/rockylinux:<major>)")
                    .doc("How tasks `on: podman` run: in a container of this image, the compose mounted at its own path.",
                            "podman image: 'docker.io/rockylinux/rockylinux:9'")
                    .build(),
            declare("mock")
                    .option("config", STRING, "mock -r configuration; {arch} is the task's arch (default rocky-<major>-{arch})")
                    .option("isolation", STRING, "mock --isolation (default simple)")
                    .doc("How tasks `on: mock` run: in a mock chroot, the compose bind-mounted at its own path.",
                            "mock config: 'rocky-9-{arch}', isolation: 'simple'")
                    .build(),
            declare("kubernetes")
                    .option("namespace", STRING, "namespace of the Jobs (default `default`)")
                    .option("image", STRING, "image of each Job's pod")
                    .option("serviceAccount", STRING, "service account of the pods")
                    .option("secret", STRING, "Secret with the S3 credentials, keys ID and SECRET (never the credentials themselves)")
                    .option("backoffLimit", INTEGER, "pods a Job may fail before it fails (default 4)")
                    .option("deadline", DURATION, "the Job's activeDeadlineSeconds (default '6h')")
                    .option("keepJobs", STRING, "finished Jobs left in the cluster: failed (default), all or none")
                    .doc("How tasks `on: kubernetes` run: one Job per task, pinned to the task's arch.",
                            "kubernetes namespace: 'empanadas', image: 'ghcr.io/rocky-linux/sig-core-toolkit:latest', secret: 'empanadas-s3'")
                    .build(),
            declare("sig").args(1, 1, STRING, "name")
                    .doc("The recipe composes a Special Interest Group's repos, laid out as Rocky's mirror carries them "
                            + "(<major>/<sig>/<arch>/<repo>, <arch>/<repo>-debug, source/<repo>) and published to "
                            + "mirror/pub/sig/<major>/<sig>.", "sig 'cloud'").build(),
            declare("existing")
                    .option("compose", STRING, "the compose directory to publish, made elsewhere (Pungi's), e.g. "
                            + "'/mnt/compose/8/latest-Rocky-8'")
                    .doc("Publish a compose made elsewhere instead of composing one: the compose steps are not run, the "
                            + "publish steps take this directory as the compose.",
                            "existing compose: '/mnt/compose/8/latest-Rocky-8'").build(),
            declare("roots")
                    .option("compose", STRING, "compose root (default /mnt/compose)")
                    .option("staging", STRING, "staging root (default /mnt/repos-staging)")
                    .option("production", STRING, "production root (default /mnt/repos-production)")
                    .doc("Filesystem roots.", "roots compose: '/mnt/compose'").build(),
            declare("repos").block(
                    declare("repo").named(STRING, "name")
                            .option("from", STRING, "name at the package source when it differs (`all` → `devel`)")
                            .option("arches", ARCHES, "the arches the repo exists on (default: all)")
                            .option("multilib", BOOLEAN, "add the release's multilib arches")
                            .option("debug", BOOLEAN, "sync the debug tree (default true)")
                            .option("source", BOOLEAN, "sync the source tree (default true)")
                            .option("kickstart", BOOLEAN, "make a kickstart tree on full runs (default true)")
                            .option("closure", BOOLEAN_OR_STRINGS, "check closure: true (itself) or the repos besides itself")
                            .option("comps", BOOLEAN, "carries comps groups")
                            .option("modules", BOOLEAN, "carries module metadata")
                            .doc("A repository.", "repo 'RT', arches: ['x86_64', 'aarch64'], closure: ['BaseOS', 'AppStream']")
                            .build(),
                    REMOVE).doc("The release's repositories.", "repos { repo 'BaseOS', closure: true }").build(),
            declare("images").block(
                    declare("lorax")
                            .option("repos", STRINGS, "repos lorax installs from")
                            .option("variant", STRING, "lorax --variant")
                            .option("removes", STRINGS, "packages commented out of the runtime template")
                            .option("sources", STRINGS, "more lorax --source URLs after the repos'; {arch} and {major} are filled in")
                            .option("requires", STRINGS, "packages installed into the build root")
                            .option("squashfsOnly", BOOLEAN, "lorax --squashfs-only")
                            .option("rootfsSize", INTEGER, "lorax --rootfs-size in GiB (default 4)")
                            .doc("How the per-arch boot images are built.", "lorax repos: ['BaseOS', 'AppStream'], variant: 'BaseOS'")
                            .build(),
                    declare("image").named(STRING, "name")
                            .option("disc", BOOLEAN, "an ISO is made (default true); false: an installable tree")
                            .option("skip", BOOLEAN, "declared but not built")
                            .option("graft", BOOLEAN, "graft the repos' packages and repodata onto the disc")
                            .option("repos", STRINGS, "the repos of the image")
                            .option("variant", STRING, "main variant in .treeinfo")
                            .doc("An image of the ISO map.", "image 'dvd', repos: ['BaseOS', 'AppStream'], variant: 'AppStream'")
                            .build(),
                    declare("cloud").named(STRING, "type")
                            .option("format", STRING, "file extension: qcow2, vhd, tar.xz…")
                            .option("variants", STRINGS, "variants: Base, LVM…")
                            .option("primary", STRING, "variant that also gets the short alias")
                            .option("arches", ARCHES, "arches (default: all)")
                            .doc("A cloud or container image type.", "cloud 'GenericCloud', format: 'qcow2', variants: ['Base', 'LVM'], primary: 'Base'")
                            .build(),
                    declare("live").named(STRING, "name")
                            .option("kickstart", STRING, "kickstart file")
                            .option("arches", ARCHES, "arches (default: all)")
                            .doc("A live image.", "live 'Workstation', kickstart: 'rocky-live-workstation.ks', arches: ['x86_64']")
                            .build(),
                    REMOVE).doc("Boot images, ISOs, cloud and live images.", "images { image 'dvd', repos: ['BaseOS'] }").build(),
            declare("compose").block(
                    declare("sync")
                            .option("from", SOURCE, "the source to sync from")
                            .option("debug", BOOLEAN, "sync debug trees (default true)")
                            .option("source", BOOLEAN, "sync source trees (default true)")
                            .option("kickstart", BOOLEAN, "kickstart trees on full runs (default true)")
                            .option("delete", BOOLEAN, "delete packages no longer at the source")
                            .option("repoclosure", BOOLEAN, "check closure after syncing (default true)")
                            .option("engine", ENGINE, "native (relengine's own, the default) or dnf (dnf reposync)")
                            .option("connections", INTEGER, "the native engine's downloads at once from each server "
                                    + "(default 16; 1 to 64)")
                            .option("on", EXECUTOR, "where it runs (default local)")
                            .alias("mode", "on")
                            .option("failable", BOOLEAN_OR_STRINGS, FAILABLE)
                            .option("retries", INTEGER, RETRIES)
                            .option("retryDelay", DURATION, RETRY_DELAY)
                            .doc("Reposync every repo × arch × tree.", "sync from: peridot, delete: true")
                            .build(),
                    declare("iso")
                            .option("arches", ARCHES, "arches (default: all)")
                            .option("on", EXECUTOR, "where lorax runs")
                            .alias("mode", "on")
                            .option("failable", BOOLEAN_OR_STRINGS, FAILABLE)
                            .doc("Per-arch lorax boot images.", "iso arches: all, on: kubernetes").build(),
                    declare("unpack")
                            .option("failable", BOOLEAN_OR_STRINGS, FAILABLE)
                            .option("retries", INTEGER, RETRIES)
                            .option("retryDelay", DURATION, RETRY_DELAY)
                            .doc("Pull the newest lorax result per arch and unpack it into the compose.", "unpack()")
                            .build(),
                    declare("extras").named(STRING, "image")
                            .option("on", EXECUTOR, "where xorriso runs")
                            .alias("mode", "on")
                            .option("failable", BOOLEAN_OR_STRINGS, FAILABLE)
                            .doc("An extra ISO per arch.", "extras 'dvd', on: podman").build(),
                    declare("cloud")
                            .option("types", STRINGS, "image types (default: every declared one)")
                            .option("failable", BOOLEAN_OR_STRINGS, FAILABLE)
                            .option("retries", INTEGER, RETRIES)
                            .option("retryDelay", DURATION, RETRY_DELAY)
                            .doc("Pull cloud images.", "cloud failable: true").build(),
                    declare("live")
                            .option("images", STRINGS, "live images (default: every declared one)")
                            .option("kickstarts", STRING, "git repository of the kickstarts (live/<major>/<arch>/<set>/<kickstart>)")
                            .option("ref", STRING, "branch, tag or commit of the kickstarts (default r<major>)")
                            .option("kickstartSet", STRING, "the kickstarts' directory under live/<major>/<arch>/: peridot or stage "
                                    + "(default peridot when the recipe syncs from peridot, else stage)")
                            .option("requires", STRINGS, "packages installed in the mock chroot first (default lorax-lmc-novirt, "
                                    + "vim-minimal, pykickstart, git)")
                            .option("on", EXECUTOR, "where livemedia-creator runs: mock, or local on a Rocky host")
                            .alias("mode", "on")
                            .option("failable", BOOLEAN_OR_STRINGS, FAILABLE)
                            .option("retries", INTEGER, RETRIES)
                            .option("retryDelay", DURATION, RETRY_DELAY)
                            .doc("Build live images with livemedia-creator, as build-iso-live builds them.",
                                    "live kickstarts: 'https://git.resf.org/sig_core/kickstarts.git', on: mock").build(),
                    declare("finalize")
                            .doc("Move images into the compose, write CHECKSUM files and metadata.", "finalize()").build(),
                    REMOVE).doc("The compose steps.", "compose { sync from: peridot; finalize() }").build(),
            declare("publish").block(
                    declare("staging")
                            .option("delete", BOOLEAN, "delete what is no longer in the compose")
                            .option("exclude", STRINGS, "paths neither copied nor deleted")
                            .option("protect", STRINGS, "paths copied but never deleted at the target, e.g. ['devel']")
                            .option("createrepo", BOOLEAN, "update path: createrepo_c --update with comps and modules")
                            .option("hardlink", BOOLEAN, "hardlink identical payload before syncing (default true)")
                            .option("suffix", STRING, "staging directory suffix (default from channel and RC level)")
                            .option("links", STRING_BY_STRING, "links made in the staging directory, name to repo, e.g. [nfv: 'NFV']")
                            .option("chown", STRING, "owner uid:gid of published files")
                            .doc("Compose → staging.", "staging delete: true").build(),
                    declare("production")
                            .option("delete", BOOLEAN, "delete what is no longer in staging")
                            .option("exclude", STRINGS, "paths neither copied nor deleted")
                            .option("protect", STRINGS, "paths copied but never deleted at the target, e.g. ['devel']")
                            .option("chown", STRING, "owner uid:gid of published files")
                            .option("repodataGrace", INTEGER, "hours old repodata stays after a promote (default 24)")
                            .doc("Staging → production.", "production delete: true, protect: ['devel']").build(),
                    declare("filelists")
                            .option("modules", STRINGS, "file list modules (default ['rocky'])")
                            .option("root", BOOLEAN, "also the lists of the whole root, fullfiletimelist-rocky at its top")
                            .doc("Mirror file lists, after every sync.", "filelists modules: ['rocky']").build(),
                    declare("torrents")
                            .option("announce", STRINGS, "tracker URLs")
                            .option("comment", STRING, "torrent comment; {version}, {major} and {minor} are the release's")
                            .option("dir", STRING, "where each ISO's torrent directory goes, e.g. rtorrent's "
                                    + "'/opt/rtorrent/download' (default: the compose's work/torrents)")
                            .option("watch", STRING, "where each finished .torrent goes, e.g. rtorrent's "
                                    + "'/opt/rtorrent/watch/start' (default: beside its directory)")
                            .doc("A torrent per ISO set.", "torrents announce: ['udp://tracker.opentrackr.org:1337/announce']")
                            .build(),
                    declare("updateinfo")
                            .option("url", STRING, "the errata service's updateinfo API, e.g. Apollo's "
                                    + "'https://apollo.build.resf.org/api/v3/updateinfo'")
                            .option("product", STRING, "the product's name in that API (default 'rocky-linux')")
                            .option("repos", STRINGS, "the repos whose os trees get errata (default: every repo)")
                            .doc("Errata: each staged os tree's updateinfo.xml fetched and injected with modifyrepo_c "
                                    + "(Rocky's apollo_tree).", "updateinfo url: 'https://apollo.build.resf.org/api/v3/"
                                    + "updateinfo', repos: ['BaseOS', 'AppStream']")
                            .build(),
                    declare("vault")
                            .option("repodata", BOOLEAN, "copy production's repodata (default true); false: make it "
                                    + "again in the vault")
                            .option("chown", STRING, "owner uid:gid of the vaulted files")
                            .doc("The published release into the vault, in a run of its own (--only vault), as "
                                    + "vault-release.sh does.", "vault repodata: true")
                            .build(),
                    declare("minorRelease")
                            .option("isos", STRINGS, "the compose's variants whose <arch>/iso holds the release's ISOs "
                                    + "(default ['BaseOS', 'Minimal'])")
                            .option("kickstart", STRINGS, "the repos given a kickstart tree, a copy of their os tree "
                                    + "(default: the repos with comps)")
                            .option("drop", STRINGS, "the compose's variants left out of staging (default ['Minimal', "
                                    + "'Cloud'])")
                            .doc("Rocky's minor-release-sync-to-staging on a compose made elsewhere: ISOs into "
                                    + "isos/<arch> with their latest links, manifests and CHECKSUM, kickstart trees, "
                                    + "BaseOS's .treeinfo given the AppStream variant.",
                                    "minorRelease isos: ['BaseOS', 'Minimal']")
                            .build(),
                    declare("sign")
                            .option("key", STRING, "GPG key id or fingerprint")
                            .option("repomd", BOOLEAN, "detached signature of every changed repomd.xml")
                            .option("checksums", BOOLEAN, "detached signature of CHECKSUM files")
                            .doc("Signatures, after the last change to what they sign.", "sign key: 'releng@example.org', repomd: true")
                            .build(),
                    declare("signRepos")
                            .option("key", STRING, "GPG key id or fingerprint")
                            .option("trees", STRINGS, "which trees of every repo (default ['os', 'debug', 'source']; "
                                    + "also 'kickstart')")
                            .option("homedir", STRING, "the GnuPG home that holds the key (default: gpg's own)")
                            .doc("Rocky's sign-repos-only: a detached signature of the repomd.xml of every staged tree.",
                                    "signRepos key: 'releng@example.org', trees: ['os', 'debug', 'source']")
                            .build(),
                    REMOVE).doc("The publish steps.", "publish { staging delete: true }").build()
    ).build();

    private Grammar() {
    }

    /** Every keyword anywhere in the language, depth first. */
    public static List<Keyword> allKeywords() {
        List<Keyword> all = new ArrayList<>();
        collect(RECIPE, all);
        return all;
    }

    private static void collect(Keyword parent, List<Keyword> into) {
        for (Keyword k : parent.block()) {
            if (!into.contains(k)) {
                into.add(k);
            }
            if (k.hasBlock()) {
                collect(k, into);
            }
        }
    }

    /** The block keyword under which a keyword is declared, for "belongs inside `compose { … }`" hints. */
    public static List<String> blocksDeclaring(String name) {
        List<String> blocks = new ArrayList<>();
        for (Keyword k : RECIPE.block()) {
            if (k.hasBlock() && k.keyword(name) != null) {
                blocks.add(k.name());
            }
        }
        return blocks;
    }
}
