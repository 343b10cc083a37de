package org.relengine.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.relengine.secrets.SecretUrl;
import org.relengine.yum.SyncOptions;
import org.relengine.yum.TreeResult;
import org.relengine.yum.YumMirror;

/**
 * {@code relengine sync} started on its own (the launcher's fast path): the command line read by hand, so that
 * a re-sync with nothing changed costs a JVM start and a few requests, not loading picocli and Groovy. Anything
 * beyond {@code --delete}, {@code --state DIR}, {@code --quiet}, {@code --connections N} (N from 1 to
 * {@value #MOST_CONNECTIONS}) and pairs goes to the full command line, which says what is wrong with it.
 */
public final class QuickSync {

    /** At most this many failures of a tree are printed; the rest are counted. */
    private static final int FAILURES_SHOWN = 20;

    private QuickSync() {
    }

    static final int MOST_CONNECTIONS = org.relengine.model.Step.Sync.MOST_CONNECTIONS;

    record Request(List<YumMirror.Pair> pairs, boolean delete, Path state, boolean quiet, int connections) {
    }

    public static void main(String[] args) {
        Request request = parse(args);
        if (request == null) {
            QuickStart.full("sync", args);
            return;
        }
        PrintWriter out = QuickStart.stdout();
        PrintWriter err = QuickStart.stderr();
        System.exit(run(request, out, err));
    }

    /** The request, or null where picocli must read the command line. */
    static Request parse(String[] args) {
        boolean delete = false;
        boolean quiet = false;
        Path state = null;
        int connections = 0;
        boolean options = true;
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (options && arg.equals("--")) {
                options = false;
            } else if (options && arg.equals("--delete") && !delete) {
                delete = true;
            } else if (options && arg.equals("--quiet") && !quiet) {
                quiet = true;
            } else if (options && arg.equals("--state") && state == null && i + 1 < args.length
                    && !args[i + 1].isEmpty() && !args[i + 1].startsWith("-")) {
                state = Path.of(args[++i]);
            } else if (options && arg.equals("--connections") && connections == 0 && i + 1 < args.length
                    && connections(args[i + 1]) > 0) {
                connections = connections(args[++i]);
            } else if (arg.isEmpty() || arg.startsWith("@") || options && arg.startsWith("-")) {
                return null;
            } else {
                words.add(arg);
            }
        }
        return refusal(words) != null ? null
                : new Request(pairs(words), delete, state == null ? defaultState() : state, quiet,
                connections == 0 ? YumMirror.CONNECTIONS : connections);
    }

    /** The count {@code --connections} gives, or 0 when it is not one from 1 to {@value #MOST_CONNECTIONS}. */
    static int connections(String text) {
        if (!text.matches("[0-9]{1,3}")) {
            return 0;
        }
        int n = Integer.parseInt(text);
        return n >= 1 && n <= MOST_CONNECTIONS ? n : 0;
    }

    /** What is wrong with the pairs, or null. */
    static String refusal(List<String> words) {
        if (words.size() < 2 || words.size() % 2 != 0) {
            return "give pairs of a repository URL and a directory (URL DIR [URL DIR]…); " + words.size()
                    + " argument" + (words.size() == 1 ? " was" : "s were") + " given";
        }
        for (int i = 0; i < words.size(); i += 2) {
            String url = words.get(i);
            String bare = SecretUrl.of(url).map(SecretUrl::bare).orElse(url);
            URI uri;
            try {
                uri = URI.create(bare);
            } catch (IllegalArgumentException e) {
                return "`" + shown(url) + "` is not a URL: " + e.getMessage();
            }
            boolean file = "file".equals(uri.getScheme()) && uri.getPath() != null;
            if (!file && (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme())
                    || uri.getHost() == null)) {
                return "`" + shown(url) + "` is not an http, https or file URL (for metalink and mirrorlist "
                        + "sources use dnf reposync)";
            }
        }
        return null;
    }

    static List<YumMirror.Pair> pairs(List<String> words) {
        List<YumMirror.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < words.size(); i += 2) {
            pairs.add(new YumMirror.Pair(words.get(i), Path.of(words.get(i + 1))));
        }
        return pairs;
    }

    static Path defaultState() {
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base = cache == null || cache.isBlank() ? Path.of(System.getProperty("user.home"), ".cache")
                : Path.of(cache);
        return base.resolve("relengine/sync");
    }

    /** Syncs every pair; the exit code says whether every tree is synced. */
    static int run(Request request, PrintWriter out, PrintWriter err) {
        try (YumMirror mirror = new YumMirror(request.connections())) {
            List<TreeResult> results = mirror.syncAll(request.pairs(), new SyncOptions(request.delete(),
                    request.state(), List.of(), null), (pair, line) -> { });
            int failed = 0;
            for (TreeResult result : results) {
                if (result.failed()) {
                    failed++;
                    err.println("relengine: " + result.tree() + " ← " + result.url() + ": " + result.summary());
                    // a tree that failed as a whole has its one reason in the summary line
                    List<String> packages = result.packages() == 0 ? List.of() : result.failures();
                    packages.stream().limit(FAILURES_SHOWN).forEach(f -> err.println("  " + f));
                    if (packages.size() > FAILURES_SHOWN) {
                        err.println("  and " + (packages.size() - FAILURES_SHOWN) + " more");
                    }
                } else if (!request.quiet()) {
                    out.println(result.tree() + " ← " + result.url() + ": " + result.summary());
                }
            }
            if (failed > 0) {
                err.println("relengine: " + failed + " of " + results.size() + " trees could not be synced");
                return ExitCode.ERRORS;
            }
            return ExitCode.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("relengine: interrupted");
            return ExitCode.ERRORS;
        }
    }

    private static String shown(String url) {
        return SecretUrl.of(url).map(SecretUrl::toString).orElse(url);
    }
}
