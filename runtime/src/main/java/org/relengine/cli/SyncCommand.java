package org.relengine.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.relengine.yum.YumMirror;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code relengine sync} in the full command line; the launcher starts {@link QuickSync} instead. */
@Command(versionProvider = Main.Version.class, name = "sync", mixinStandardHelpOptions = true,
        description = {"Mirror yum repositories with relengine's own sync engine, outside any recipe: each URL into "
                + "the DIR after it, all pairs at once, as `dnf reposync --download-metadata --norepopath "
                + "--remote-time` leaves a tree. New metadata replaces the old only once every package it names is "
                + "in place; a tree whose repomd.xml did not change since its last sync is skipped."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every tree is synced", "1:a tree could not be synced (its failures are listed)",
            "64:the command line is wrong"})
public final class SyncCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "URL DIR", description = "Pairs: a repository's URL (the directory "
            + "holding repodata/), then the directory to mirror it into.")
    List<String> pairs;

    @Option(names = "--delete", description = "Delete local packages the repository no longer names.")
    boolean delete;

    @Option(names = "--state", paramLabel = "DIR", description = "Where what is known of each tree's last sync is "
            + "kept (default: $XDG_CACHE_HOME/relengine/sync).")
    Path state;

    @Option(names = "--quiet", description = "Print nothing when all went well.")
    boolean quiet;

    @Option(names = "--connections", paramLabel = "N", description = "Downloads at once from each server, 1 to "
            + QuickSync.MOST_CONNECTIONS + " (default: " + YumMirror.CONNECTIONS + "). More pay for a distant "
            + "server; fewer spare one that limits its clients.")
    Integer connections;

    @Override
    public Integer call() {
        String refusal = QuickSync.refusal(pairs);
        if (refusal != null) {
            throw new ParameterException(spec.commandLine(), refusal);
        }
        if (connections != null && (connections < 1 || connections > QuickSync.MOST_CONNECTIONS)) {
            throw new ParameterException(spec.commandLine(), "--connections takes 1 to " + QuickSync.MOST_CONNECTIONS
                    + " downloads at once from each server, not " + connections);
        }
        return QuickSync.run(new QuickSync.Request(QuickSync.pairs(pairs), delete,
                state == null ? QuickSync.defaultState() : state, quiet,
                connections == null ? YumMirror.CONNECTIONS : connections), spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
