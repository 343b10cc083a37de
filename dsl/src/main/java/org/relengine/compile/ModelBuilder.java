package org.relengine.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relengine.dsl.DurationText;
import org.relengine.dsl.Symbol;
import org.relengine.model.Artifacts;
import org.relengine.model.ExecutorSettings;
import org.relengine.model.ExistingCompose;
import org.relengine.model.Sig;
import org.relengine.model.Channel;
import org.relengine.model.CloudImage;
import org.relengine.model.Executor;
import org.relengine.model.ExtraFiles;
import org.relengine.model.Gpg;
import org.relengine.model.Image;
import org.relengine.model.LiveImage;
import org.relengine.model.Lorax;
import org.relengine.model.Origin;
import org.relengine.model.Position;
import org.relengine.model.Recipe;
import org.relengine.model.Release;
import org.relengine.model.Repo;
import org.relengine.model.Roots;
import org.relengine.model.Source;
import org.relengine.model.SourceKind;
import org.relengine.model.Step;
import org.relengine.model.SyncEngine;

/**
 * Turns merged, grammar-checked statements into the immutable {@link Recipe}, filling in defaults.
 * Checks of meaning (arches, references, prerequisites) are the validator's; this only builds.
 */
public final class ModelBuilder {

    private final Map<String, Statement> top = new LinkedHashMap<>();
    private final List<Statement> sources = new ArrayList<>();
    private final String file;

    private ModelBuilder(List<Statement> statements, String file) {
        this.file = file;
        for (Statement s : statements) {
            if (s.name().equals("source")) {
                sources.add(s);
            } else {
                top.put(s.name(), s);
            }
        }
    }

    public static Recipe build(RecipeLoader.Loaded loaded) {
        String file = loaded.files().isEmpty() ? "<recipe>" : loaded.files().get(0);
        return new ModelBuilder(loaded.statements(), file).build(loaded.files(), loaded.constants());
    }

    private Recipe build(List<String> files, List<org.relengine.model.ConstantValue> constants) {
        Release release = release();
        List<String> arches = optional("arches").map(Statement::argTexts).orElse(List.of());
        Map<String, List<String>> multilib = multilib();
        List<Source> sourceList = sources.stream().map(this::source).toList();
        List<Repo> repos = block("repos", "repo").stream().map(s -> repo(s, arches)).toList();
        List<Image> images = block("images", "image").stream().map(this::image).toList();
        List<CloudImage> cloud = block("images", "cloud").stream().map(s -> cloud(s, arches)).toList();
        List<LiveImage> live = block("images", "live").stream().map(s -> live(s, arches)).toList();
        Lorax lorax = block("images", "lorax").stream().findFirst().map(this::lorax).orElse(null);
        SourceKind defaultSource = sourceList.isEmpty() ? SourceKind.PERIDOT : sourceList.get(0).kind();
        // what the compose syncs from decides which set of live kickstarts is theirs
        SourceKind syncFrom = block("compose", "sync").stream().findFirst().map(s -> from(s, defaultSource))
                .orElse(defaultSource);
        List<Step> compose = withImplied(optional("compose").map(c -> c.block().stream()
                .map(s -> composeStep(s, arches, defaultSource, release, syncFrom)).toList()).orElse(List.of()));
        if (lorax == null) {
            lorax = compose.stream().filter(Step.Iso.class::isInstance).findFirst()
                    .map(iso -> Lorax.defaults(iso.origin())).orElse(null);
        }
        List<Step> publish = optional("publish").map(c -> c.block().stream().map(this::publishStep).toList())
                .orElse(List.of());
        Origin archesOrigin = optional("arches").map(Statement::origin)
                .orElse(Origin.of(new Position(file, 1, 1)));
        return new Recipe(files, release, arches, archesOrigin, multilib, sourceList, gpg(), repos, lorax, images, cloud, live,
                extraFiles(), artifacts(), roots(), executors(release), compose, publish,
                optional("existing").map(s -> new ExistingCompose(s.text("compose", null), s.origin())).orElse(null),
                optional("sig").map(s -> new Sig(s.argText(0), s.origin())).orElse(null), constants);
    }

    /** The steps as written, with the {@code unpack} that {@code extras} needs before the first extras when none is. */
    private static List<Step> withImplied(List<Step> steps) {
        if (steps.stream().anyMatch(Step.Unpack.class::isInstance)) {
            return steps;
        }
        List<Step> all = new java.util.ArrayList<>(steps);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) instanceof Step.Extras extras) {
                all.add(i, Step.Unpack.impliedBy(extras));
                break;
            }
        }
        return List.copyOf(all);
    }

    private Optional<Statement> optional(String keyword) {
        return Optional.ofNullable(top.get(keyword));
    }

    private List<Statement> block(String block, String keyword) {
        return optional(block).map(b -> b.block().stream().filter(s -> s.name().equals(keyword)).toList())
                .orElse(List.of());
    }

    private Release release() {
        Statement s = top.get("release");
        if (s == null) {
            return new Release("", "", "", 0, 0, null, false, Channel.STABLE, "", null,
                    Origin.of(new Position(file, 1, 1)));
        }
        String name = s.args().isEmpty() ? "" : s.argText(0);
        String version = s.text("version", "");
        int major = 0;
        int minor = 0;
        if (version.matches("\\d{1,4}\\.\\d{1,4}")) {
            major = Integer.parseInt(version.substring(0, version.indexOf('.')));
            minor = Integer.parseInt(version.substring(version.indexOf('.') + 1));
        }
        String shortName = s.text("short", shortName(name));
        Channel channel = s.symbol("channel").map(ModelBuilder::channel).orElse(Channel.STABLE);
        return new Release(name, shortName, version, major, minor, s.text("rc", null), s.flag("final", false),
                channel, s.text("code", ""), s.text("bugurl", null), s.origin());
    }

    /** The short name a release has when it declares none: the product name's first word. */
    static String shortName(String name) {
        return name.contains(" ") ? name.substring(0, name.indexOf(' ')) : name;
    }

    private static Channel channel(Symbol symbol) {
        return switch (symbol) {
            case BETA -> Channel.BETA;
            case LOOKAHEAD -> Channel.LOOKAHEAD;
            default -> Channel.STABLE;
        };
    }

    private Map<String, List<String>> multilib() {
        Map<String, List<String>> result = new LinkedHashMap<>();
        optional("arches").flatMap(s -> s.option("multilib")).ifPresent(o -> {
            if (o.value() instanceof Value.Table table) {
                for (Value.Entry entry : table.entries()) {
                    if (entry.value() instanceof Value.Seq seq) {
                        result.put(entry.key(), Statement.texts(seq));
                    }
                }
            }
        });
        return java.util.Collections.unmodifiableMap(result);
    }

    private Source source(Statement s) {
        SourceKind kind = sourceKind(s.args().isEmpty() ? Symbol.PERIDOT : ((Value.Word) s.args().get(0)).symbol());
        return new Source(kind, trimSlash(s.text("url", "")), s.text("project", null), s.flag("hashed", false),
                s.origin());
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private Gpg gpg() {
        return optional("gpg").map(s -> new Gpg(s.flag("check", true), s.text("url", ""),
                s.strings("keys", List.of()), s.origin())).orElse(Gpg.NONE);
    }

    private Repo repo(Statement s, List<String> releaseArches) {
        String name = s.argText(0);
        List<String> closure = s.option("closure").map(o -> {
            if (o.value() instanceof Value.Flag f) {
                return f.value() ? List.<String>of() : null;
            }
            return Statement.texts((Value.Seq) o.value());
        }).orElse(null);
        return new Repo(name, s.text("from", name), s.strings("arches", releaseArches), s.flag("multilib", false),
                s.flag("debug", true), s.flag("source", true), s.flag("kickstart", true), closure,
                s.flag("comps", false), s.flag("modules", false), s.origin());
    }

    private Lorax lorax(Statement s) {
        return new Lorax(s.strings("repos", Lorax.DEFAULT_REPOS), s.text("variant", Lorax.DEFAULT_VARIANT),
                s.strings("removes", List.of()), s.strings("requires", List.of()), s.flag("squashfsOnly", false),
                s.whole("rootfsSize", Lorax.DEFAULT_ROOTFS_SIZE), s.strings("sources", List.of()), s.origin());
    }

    private Image image(Statement s) {
        String name = s.argText(0);
        boolean disc = s.flag("disc", true);
        return new Image(name, disc, s.flag("skip", false), s.flag("graft", disc), s.strings("repos", List.of()),
                s.text("variant", name), s.origin());
    }

    private CloudImage cloud(Statement s, List<String> arches) {
        return new CloudImage(s.argText(0), s.text("format", "qcow2"), s.strings("variants", List.of()),
                s.text("primary", null), s.strings("arches", arches), s.origin());
    }

    private LiveImage live(Statement s, List<String> arches) {
        return new LiveImage(s.argText(0), s.text("kickstart", ""), s.strings("arches", arches), s.origin());
    }

    private ExtraFiles extraFiles() {
        return optional("extraFiles").map(s -> new ExtraFiles(s.text("git", ""), s.text("ref", "main"),
                s.strings("files", List.of()), s.origin())).orElse(null);
    }

    private Artifacts artifacts() {
        return optional("artifacts").map(s -> new Artifacts(trimSlash(s.text("url", "")), s.text("bucket", null),
                s.text("region", null), s.text("endpoint", null), s.flag("pathStyle", false),
                s.flag("hashContent", false), s.origin())).orElse(null);
    }

    private ExecutorSettings executors(Release release) {
        ExecutorSettings defaults = ExecutorSettings.defaults(release);
        ExecutorSettings.Podman podman = optional("podman").map(s -> new ExecutorSettings.Podman(
                s.text("image", defaults.podman().image()), s.origin())).orElse(defaults.podman());
        ExecutorSettings.Mock mock = optional("mock").map(s -> new ExecutorSettings.Mock(
                s.text("config", defaults.mock().config()), s.text("isolation", defaults.mock().isolation()),
                s.origin())).orElse(defaults.mock());
        ExecutorSettings.Kubernetes k = defaults.kubernetes();
        ExecutorSettings.Kubernetes kubernetes = optional("kubernetes").map(s -> new ExecutorSettings.Kubernetes(
                s.text("namespace", k.namespace()), s.text("image", k.image()), s.text("serviceAccount", null),
                s.text("secret", null), s.whole("backoffLimit", k.backoffLimit()),
                DurationText.parse(s.text("deadline", "")).orElse(k.deadline()),
                s.text("keepJobs", k.keepJobs()), s.origin()))
                .orElse(k);
        return new ExecutorSettings(podman, mock, kubernetes);
    }

    private Roots roots() {
        return optional("roots").map(s -> new Roots(s.text("compose", Roots.DEFAULT_COMPOSE),
                        s.text("staging", Roots.DEFAULT_STAGING), s.text("production", Roots.DEFAULT_PRODUCTION),
                        s.origin()))
                .orElse(new Roots(Roots.DEFAULT_COMPOSE, Roots.DEFAULT_STAGING, Roots.DEFAULT_PRODUCTION,
                        Origin.of(new Position(file, 1, 1))));
    }

    private static Executor executor(Statement s) {
        return s.symbol("on").map(symbol -> switch (symbol) {
            case PODMAN -> Executor.PODMAN;
            case MOCK -> Executor.MOCK;
            case KUBERNETES -> Executor.KUBERNETES;
            default -> Executor.LOCAL;
        }).orElse(Executor.LOCAL);
    }

    private static Step.Failability failable(Statement s) {
        return s.option("failable").map(o -> o.value() instanceof Value.Flag f
                ? new Step.Failability(f.value(), List.of())
                : new Step.Failability(false, Statement.texts((Value.Seq) o.value()))).orElse(Step.Failability.REQUIRED);
    }

    /** A negative count is kept as written, for the validator to report at its place. */
    private static Step.Retry retry(Statement s) {
        return new Step.Retry(s.whole("retries", 0), DurationText.parse(s.text("retryDelay", ""))
                .orElse(Step.Retry.DEFAULT_DELAY));
    }

    private static Step composeStep(Statement s, List<String> arches, SourceKind defaultSource, Release release,
                                    SourceKind syncFrom) {
        return switch (s.name()) {
            case "sync" -> new Step.Sync(from(s, defaultSource),
                    s.flag("debug", true), s.flag("source", true), s.flag("kickstart", true), s.flag("delete", false),
                    s.flag("repoclosure", true), s.symbol("engine").map(e -> e == Symbol.DNF ? SyncEngine.DNF
                    : SyncEngine.NATIVE).orElse(SyncEngine.NATIVE), s.whole("connections", Step.Sync.CONNECTIONS),
                    executor(s), failable(s), retry(s), s.origin());
            case "iso" -> new Step.Iso(s.strings("arches", arches), executor(s), failable(s), s.origin());
            case "unpack" -> new Step.Unpack(failable(s), retry(s), s.origin());
            case "extras" -> new Step.Extras(s.argText(0), executor(s), failable(s), s.origin());
            case "cloud" -> new Step.Cloud(s.strings("types", null), failable(s), retry(s), s.origin());
            case "live" -> new Step.Live(s.strings("images", null), s.text("kickstarts", null),
                    s.text("ref", "r" + release.major()), s.text("kickstartSet", syncFrom == SourceKind.PERIDOT
                    ? "peridot" : "stage"), s.strings("requires", Step.Live.PACKAGES), executor(s), failable(s),
                    retry(s), s.origin());
            case "finalize" -> new Step.Finalize(s.origin());
            default -> throw new IllegalStateException("compose keyword without a step: " + s.name());
        };
    }

    /** The source a `sync` statement syncs from: its `from:`, or the recipe's first source. */
    private static SourceKind from(Statement sync, SourceKind defaultSource) {
        return sync.symbol("from").map(ModelBuilder::sourceKind).orElse(defaultSource);
    }

    private static SourceKind sourceKind(Symbol symbol) {
        return switch (symbol) {
            case MIRROR -> SourceKind.MIRROR;
            case YUM -> SourceKind.YUM;
            default -> SourceKind.PERIDOT;
        };
    }

    private Step publishStep(Statement s) {
        return switch (s.name()) {
            case "staging" -> new Step.Staging(s.flag("delete", false), s.strings("exclude", List.of()),
                    s.strings("protect", List.of()), s.flag("createrepo", false), s.flag("hardlink", true), s.text("suffix", null),
                    s.text("chown", null), s.texts("links", java.util.Map.of()), s.origin());
            case "production" -> new Step.Production(s.flag("delete", false), s.strings("exclude", List.of()),
                    s.strings("protect", List.of()), s.text("chown", null),
                    s.whole("repodataGrace", Step.Production.DEFAULT_REPODATA_GRACE), s.origin());
            case "filelists" -> new Step.FileLists(s.strings("modules", List.of("rocky")), s.flag("root", false),
                    s.origin());
            case "torrents" -> new Step.Torrents(s.strings("announce", List.of()), s.text("comment", ""),
                    s.text("dir", null), s.text("watch", null), s.origin());
            case "updateinfo" -> new Step.Updateinfo(s.text("url", null),
                    s.text("product", Step.Updateinfo.DEFAULT_PRODUCT), s.strings("repos", null), s.origin());
            case "vault" -> new Step.Vault(s.flag("repodata", true), s.text("chown", null), s.origin());
            case "minorRelease" -> new Step.MinorRelease(s.strings("isos", Step.MinorRelease.DEFAULT_ISOS),
                    s.strings("kickstart", null), s.strings("drop", Step.MinorRelease.DEFAULT_DROP), s.origin());
            case "sign" -> new Step.Sign(s.text("key", null), s.flag("repomd", false), s.flag("checksums", false),
                    s.origin());
            case "signRepos" -> new Step.SignRepos(s.text("key", null),
                    s.strings("trees", Step.SignRepos.DEFAULT_TREES), s.text("homedir", null), s.origin());
            default -> throw new IllegalStateException("publish keyword without a step: " + s.name());
        };
    }
}
