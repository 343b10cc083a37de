package org.relengine.steps;

import org.relengine.plan.Action;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.relengine.exec.TaskFailure;
import org.relengine.formats.AtomicFiles;
import org.relengine.formats.Checksums;
import org.relengine.net.Wait;

/** The Java-side work of tasks, by operation name; each writes what it does to the task's log. */
public final class Operations {

    private final Path scratch;

    /** @param scratch a directory for temporary clones and downloads, unique to the run */
    public Operations(Path scratch) {
        this.scratch = scratch;
    }

    public void run(String operation, Map<String, String> p, PrintWriter log) throws IOException {
        run(operation, p, log, Wait.within(java.time.Duration.ofHours(2)));
    }

    /** @param wait how long the task may still wait on the network, and who hears what it waits for */
    public void run(String operation, Map<String, String> p, PrintWriter log, Wait wait) throws IOException {
        switch (operation) {
            case "require-compose" -> {
                if (!Files.isDirectory(Path.of(p.get("path")))) {
                    throw new TaskFailure("there is no compose at " + p.get("path") + ": an update run writes into "
                            + "the latest compose, so make one with a full run first");
                }
            }
            case "fetch-extra-files" -> {
                String commit = ExtraFilesFetch.fetch(p.get("git"), p.get("ref"), Arrays.asList(p.get("files").split(",")),
                        Path.of(p.get("into")), Path.of(p.get("metadata")), Path.of(p.get("record")),
                        scratch.resolve("extra-files"), wait);
                log.println("extra files from " + p.get("git") + " at " + p.get("ref") + " (commit " + commit + ")");
            }
            case "unpack-lorax" -> unpack(p, log, wait);
            case "upload-artifact" -> upload(Path.of(p.get("file")), p.get("store"), log);
            case "release-dead-dnf-locks" -> DnfLocks.releaseDead(Path.of(p.get("cache")), log);
            case "copy-file" -> {
                Path to = Path.of(p.get("to"));
                Files.createDirectories(to.getParent());
                Path partial = to.resolveSibling(to.getFileName() + ".part");
                Files.copy(Path.of(p.get("from")), partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                log.println("copied " + p.get("from") + " to " + to);
            }
            case "graft-boot-tree" -> graft(Path.of(p.get("from")), Path.of(p.get("into")), log);
            case "check-report" -> {
                String report = Files.readString(Path.of(p.get("report")), StandardCharsets.UTF_8);
                log.print(report);
                if (report.contains(p.get("forbidden"))) {
                    throw new TaskFailure("xorriso's report on " + p.get("report") + " contains " + p.get("forbidden"));
                }
            }
            case "download-image" -> downloadImage(p, log, wait);
            case Action.Internal.MOVE_DIRECTORY -> move(Path.of(p.get("from")), Path.of(p.get("to")), log);
            case "rename-file" -> {
                Files.move(Path.of(p.get("from")), Path.of(p.get("to")), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                log.println("moved " + p.get("from") + " into place as " + p.get("to"));
            }
            case "remove-file" -> {
                if (Files.deleteIfExists(Path.of(p.get("path")))) {
                    log.println("removed " + p.get("path") + ", left by an interrupted run");
                }
            }
            case "check-publishable" -> PublishGuard.check(p, log);
            case "write-private-file" -> {
                AtomicFiles.write(Path.of(p.get("path")), p.get("content"), org.relengine.formats.FileModes.PRIVATE);
                log.println("wrote " + p.get("path") + " (0600)");
            }
            case "set-published-modes" -> log.println("set the modes of " + publishedModes(Path.of(p.get("path")))
                    + " files and directories of " + p.get("path"));
            case "make-published-directory" -> {
                for (Path made : org.relengine.formats.FileModes.createDirectories(Path.of(p.get("path")),
                        org.relengine.formats.FileModes.DIRECTORY)) {
                    log.println("made " + made + " (0755)");
                }
            }
            case "extract-repo-metadata" -> RepoMetadata.extract(p, log);
            case "write-file-lists" -> writeFileLists(Path.of(p.get("dir")), p.get("module"), log);
            case "prune-old-repodata" -> OldRepodata.prune(Path.of(p.get("target")),
                    java.time.Duration.ofHours(Long.parseLong(p.get("hours"))), java.time.Instant.now(), log);
            default -> throw new TaskFailure("`" + operation + "` is not available in this version of relengine");
        }
    }

    /**
     * Puts a build result into a store: a directory store gets a copy, renamed into place complete so that a
     * reader never takes half of it for the newest result.
     */
    private static void upload(Path file, String store, PrintWriter log) throws IOException {
        if (store.startsWith("http://") || store.startsWith("https://")) {
            throw new TaskFailure("uploading to " + store + " is not available in this version of relengine: lorax "
                    + "results go into a directory store (leave out `artifacts` to keep them in the work tree)");
        }
        Path into = Path.of(store.startsWith("file://") ? java.net.URI.create(store).getPath() : store);
        Files.createDirectories(into);
        Path target = into.resolve(file.getFileName());
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        log.println("uploaded " + file + " to " + target);
    }

    private void unpack(Map<String, String> p, PrintWriter log, Wait wait) throws IOException {
        ArtifactStore store = ArtifactStore.open(p.get("store"), wait);
        String key = store.newest(p.get("match"), p.get("suffix")).orElseThrow(() -> new TaskFailure(
                "no build result matching " + p.get("match") + "*" + p.get("suffix") + " in " + p.get("store")));
        Path into = Path.of(p.get("into"));
        Path archive = into.resolve(key.substring(key.lastIndexOf('/') + 1));
        log.println("fetching " + key + " from " + p.get("store"));
        log.flush();
        store.fetch(key, archive);
        int entries = SafeUntar.unpack(archive, into);
        log.println("unpacked " + key + " (" + entries + " entries) into " + into);
        if (!Files.isRegularFile(into.resolve("lorax/images/boot.iso"))) {
            throw new TaskFailure(key + " holds no lorax/images/boot.iso");
        }
    }

    /**
     * Copies the boot tree into a repo tree; the repo's own packages and metadata are never replaced. The tree
     * comes from an archive, so no link in it is followed: a link is copied as a link when its target is relative
     * and stays inside the tree, and anything else that is not a file or a directory is refused.
     */
    private static void graft(Path from, Path into, PrintWriter log) throws IOException {
        Path source = from.toAbsolutePath().normalize();
        if (!Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new TaskFailure("the boot tree " + source + " is not a directory; refusing to graft it into " + into);
        }
        Path realSource = source.toRealPath();
        int[] copied = {0};
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String rel = source.relativize(dir).toString();
                if (rel.equals("Packages") || rel.equals("repodata")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(into.resolve(rel));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = source.relativize(file).toString();
                if (rel.equals(".treeinfo") || rel.equals(".discinfo") || rel.equals("media.repo")) {
                    return FileVisitResult.CONTINUE;
                }
                Path target = into.resolve(rel);
                if (attrs.isSymbolicLink()) {
                    Path to = Files.readSymbolicLink(file);
                    String why = null;
                    if (to.isAbsolute()) {
                        why = "is an absolute path";
                    } else if (!file.getParent().resolve(to).normalize().startsWith(source)) {
                        why = "leads outside the tree";
                    } else {
                        try {
                            if (!file.toRealPath().startsWith(realSource)) {
                                why = "leads outside the tree through other links";
                            }
                        } catch (IOException e) {
                            why = "leads to nothing";
                        }
                    }
                    if (why != null) {
                        throw new TaskFailure("the boot tree " + source + " holds the link " + rel + " to " + to
                                + ", which " + why + "; refusing to graft it into " + into);
                    }
                    Files.deleteIfExists(target);
                    Files.createSymbolicLink(target, to);
                } else if (attrs.isRegularFile()) {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
                } else {
                    throw new TaskFailure("the boot tree " + source + " holds " + rel + ", which is neither a file, "
                            + "a directory nor a link; refusing to graft it into " + into);
                }
                copied[0]++;
                return FileVisitResult.CONTINUE;
            }
        });
        log.println("grafted " + copied[0] + " files of the boot tree into " + into);
    }

    private static void downloadImage(Map<String, String> p, PrintWriter log, Wait wait) throws IOException {
        ArtifactStore store = ArtifactStore.open(p.get("store"), wait);
        String key = store.newest(p.get("match"), p.get("suffix")).orElseThrow(() -> new TaskFailure(
                "no image matching " + p.get("match") + "*" + p.get("suffix") + " in " + p.get("store")));
        Path into = Path.of(p.get("into"));
        String name = key.substring(key.lastIndexOf('/') + 1);
        Path image = into.resolve(name);
        log.println("fetching " + key + " from " + p.get("store"));
        log.flush();
        store.fetch(key, image);
        AtomicFiles.write(into.resolve(name + ".CHECKSUM"), Checksums.fileChecksum(image));
        for (String alias : List.of(p.get("latest"), p.get("primary"))) {
            if (alias != null && !alias.isEmpty()) {
                link(into.resolve(alias), Path.of(name));
                AtomicFiles.write(into.resolve(alias + ".CHECKSUM"), Checksums.fileChecksum(into.resolve(alias)));
            }
        }
        log.println("downloaded " + key + " into " + into);
    }

    private static void move(Path from, Path to, PrintWriter log) throws IOException {
        if (!Files.isDirectory(from)) {
            log.println("nothing to move: " + from + " does not exist");
            return;
        }
        Files.createDirectories(to);
        List<Path> entries;
        try (Stream<Path> list = Files.list(from)) {
            entries = list.sorted().toList();
        }
        for (Path entry : entries) {
            Files.move(entry, to.resolve(entry.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        log.println("moved " + entries.size() + " entries from " + from + " to " + to);
    }

    /** Every directory under {@code top} 0755 and every file 0644; links are neither followed nor changed. */
    private static int publishedModes(Path top) throws IOException {
        int[] set = {0};
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.setPosixFilePermissions(dir, org.relengine.formats.FileModes.DIRECTORY);
                set[0]++;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    Files.setPosixFilePermissions(file, org.relengine.formats.FileModes.FILE);
                    set[0]++;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return set[0];
    }

    /** Rocky's lists: the module's own, and the copies its mirror scripts read under other names. */
    private static void writeFileLists(Path dir, String module, PrintWriter log) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new TaskFailure("there is no " + dir + " to list");
        }
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(4);
        try {
            var written = org.relengine.formats.FileList.write(dir, module, pool);
            written.warning(dir).forEach(log::println);
            Path list = dir.resolve("fullfiletimelist-" + module);
            for (String copy : List.of("fullfiletimelist", "fullfiletimelist-" + module + "-linux")) {
                Path partial = dir.resolve("." + copy + ".part");
                Files.copy(list, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(partial, org.relengine.formats.FileModes.FILE);
                Files.move(partial, dir.resolve(copy), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            log.println(written.entries() + " entries listed in " + list);
        } finally {
            pool.shutdown();
        }
    }

    /** Atomically replaces a symbolic link: a new link renamed over the old one, never missing. */
    public static void link(Path link, Path target) throws IOException {
        Files.createDirectories(link.toAbsolutePath().getParent());
        Path fresh = link.resolveSibling("." + link.getFileName() + ".new");
        Files.deleteIfExists(fresh);
        Files.createSymbolicLink(fresh, target);
        if (Files.isDirectory(link, LinkOption.NOFOLLOW_LINKS)) {
            throw new TaskFailure(link + " is a directory, not a link; refusing to replace it");
        }
        Files.move(fresh, link, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
