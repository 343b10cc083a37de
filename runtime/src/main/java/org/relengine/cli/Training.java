package org.relengine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.relengine.exec.InputFingerprints;
import org.relengine.yum.SyncOptions;
import org.relengine.yum.YumMirror;

/**
 * The launcher's training run for the archive of every command but {@code sync} and {@code filelists}: a plan of
 * the recipe given, then what a compose's sync tasks load first, a repository's fingerprint (java.net.http) and
 * the sync engine, against the tiny repository {@link SyncTraining} serves on loopback. A compose whose classes
 * the archive lacks loads them from the JDK's modules at its first task: 0.15 s for the HTTP client alone.
 *     java -XX:AOTCacheOutput=FILE -cp relengine.jar org.relengine.cli.Training RECIPE
 */
public final class Training {

    private Training() {
    }

    public static void main(String[] args) throws IOException {
        PrintWriter quiet = new PrintWriter(new StringWriter());
        Main.execute(new String[]{"plan", args[0], "--format", "json"}, quiet, quiet);
        SyncTraining.served((url, dir) -> {
            new InputFingerprints(java.time.Duration.ofSeconds(30)).repository(url);
            try (YumMirror mirror = new YumMirror(YumMirror.CONNECTIONS)) {
                mirror.sync(url, dir.resolve("tree"), new SyncOptions(false, dir.resolve("state"), List.of(), null),
                        line -> { });
            }
        });
        System.exit(0);
    }
}
