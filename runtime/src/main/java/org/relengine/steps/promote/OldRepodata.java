package org.relengine.steps.promote;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Old repodata of a published tree: files of a {@code repodata/} directory that its {@code repomd.xml} does not
 * name. A promote keeps them, because a mirror that fetched the previous repomd.xml is still fetching the files
 * it names; a later promote removes them once they and the repomd.xml that replaced them are both older than
 * the grace period. Without a repomd.xml (the repo left staging) only the files' own age counts.
 */
public final class OldRepodata {

    private static final Pattern HREF = Pattern.compile("<location\\b[^>]*\\bhref=\"([^\"]+)\"");

    private OldRepodata() {
    }

    /** @return how many files were removed */
    public static int prune(Path target, Duration grace, Instant now, PrintWriter log) throws IOException {
        if (!Files.isDirectory(target)) {
            log.println("no old repodata: " + target + " does not exist yet");
            return 0;
        }
        Instant before = now.minus(grace);
        int removed = 0;
        int kept = 0;
        for (Path repodata : repodataDirs(target)) {
            Path repomd = repodata.resolve("repomd.xml");
            // the metadata before the current one may still be on its way to mirrors
            if (Files.isRegularFile(repomd) && !olderThan(repomd, before)) {
                kept += old(repodata, named(repomd)).size();
                continue;
            }
            for (Path file : old(repodata, Files.isRegularFile(repomd) ? named(repomd) : Set.of())) {
                if (olderThan(file, before)) {
                    Files.delete(file);
                    log.println("removed " + target.relativize(file));
                    removed++;
                } else {
                    kept++;
                }
            }
        }
        log.println("removed " + removed + " old repodata files of " + target + " older than " + grace.toHours()
                + " hours; kept " + kept + " younger ones");
        return removed;
    }

    /** Every {@code repodata} directory of a tree; package directories are not descended into. */
    static List<Path> repodataDirs(Path target) throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(target, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName().toString();
                if (name.equals("repodata")) {
                    found.add(dir);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return name.equals("Packages") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }
        });
        return found;
    }

    /** The file names a repomd.xml's {@code <location href="repodata/…"/>} entries name. */
    static Set<String> named(Path repomd) throws IOException {
        Set<String> names = new HashSet<>();
        Matcher href = HREF.matcher(Files.readString(repomd, StandardCharsets.UTF_8));
        while (href.find()) {
            String path = href.group(1);
            names.add(path.substring(path.lastIndexOf('/') + 1));
        }
        return names;
    }

    /** Regular files not named, never repomd.xml itself nor its signature or key. */
    private static List<Path> old(Path repodata, Set<String> named) throws IOException {
        try (Stream<Path> list = Files.list(repodata)) {
            return list.filter(Files::isRegularFile)
                    .filter(f -> !named.contains(f.getFileName().toString()))
                    .filter(f -> !f.getFileName().toString().startsWith("repomd.xml"))
                    .sorted().toList();
        }
    }

    private static boolean olderThan(Path file, Instant before) throws IOException {
        return Files.getLastModifiedTime(file).toInstant().isBefore(before);
    }
}
