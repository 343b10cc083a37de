package org.relengine.yum;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.relengine.formats.AtomicFiles;
import org.relengine.formats.Checksums;
import org.relengine.secrets.SecretUrl;

/**
 * The sync of one repository into one tree, as {@code dnf reposync --download-metadata --norepopath
 * --remote-time} leaves it, but in an order that keeps the tree whole for its readers: the new metadata is
 * fetched and verified into {@value #STAGING}, every package it names is put in place (each downloaded to a
 * temporary name there, verified, then renamed), and only then does the new {@code repomd.xml} replace the old
 * one; packages the new metadata no longer names are deleted after that. A package that cannot be had fails the
 * tree once all the others are in place, and the tree keeps its old metadata.
 */
final class TreeSync {

    /** Where a sync keeps its unfinished work, inside the tree: gone after a sync that succeeds. */
    static final String STAGING = ".relengine-sync";
    private static final Duration TELL_EVERY = Duration.ofSeconds(1);

    private final Fetcher fetcher;
    private final ExecutorService pool;
    private final String url;
    private final Path tree;
    private final SyncOptions options;
    private final Consumer<String> tell;
    private final Path staging;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong bytesDone = new AtomicLong();
    private final AtomicInteger packagesDone = new AtomicInteger();
    private final AtomicInteger downloaded = new AtomicInteger();
    /** The directories of packages this sync has put in place. */
    private final Set<Path> directories = ConcurrentHashMap.newKeySet();
    /** Whether each directory of packages was missing when the first of its packages was looked for. */
    private final Map<Path, Boolean> absent = new ConcurrentHashMap<>();
    /** When progress was last told: not before a second has passed, so a quick tree says nothing. */
    private volatile Instant told = Instant.now();
    private long bytesTotal;
    private int packagesTotal;

    TreeSync(Fetcher fetcher, ExecutorService pool, String url, Path tree, SyncOptions options,
             Consumer<String> tell) {
        this.fetcher = fetcher;
        this.pool = pool;
        this.url = trimmed(url);
        this.tree = tree.toAbsolutePath().normalize();
        this.options = options;
        this.tell = tell;
        this.staging = this.tree.resolve(STAGING);
    }

    TreeResult run() {
        Instant start = Instant.now();
        try {
            return sync(start);
        } catch (BadMetadata e) {
            return failed(start, shown() + " serves metadata relengine cannot read: " + e.getMessage());
        } catch (IOException e) {
            return failed(start, e.getMessage());
        } catch (RuntimeException e) {
            // a URL or path the JDK refuses: said as the tree's failure, never as a stack trace
            return failed(start, shown() + ": " + e);
        }
    }

    private TreeResult failed(Instant start, String why) {
        return new TreeResult(shown(), tree, TreeResult.Outcome.FAILED, 0, downloaded.get(), 0, bytes.get(),
                List.of(why), Duration.between(start, Instant.now()));
    }

    private TreeResult sync(Instant start) throws IOException, BadMetadata {
        Fetcher.Body repomdBody = fetcher.bytes(url + "/repodata/repomd.xml", options.deadline());
        bytes.addAndGet(repomdBody.bytes().length);
        String repomdHash = sha256(repomdBody.bytes());
        Path stateFile = options.state() == null ? null : SyncState.file(options.state(), url, tree);
        SyncState last = SyncState.read(stateFile);
        if (unchanged(last, repomdHash)) {
            // a sync killed after it recorded the tree, before it removed its work: nothing in it is needed
            AtomicFiles.deleteTree(staging);
            return new TreeResult(shown(), tree, TreeResult.Outcome.UNCHANGED, last.packages().size(), 0, 0,
                    bytes.get(), List.of(), Duration.between(start, Instant.now()));
        }
        Repomd repomd = Repomd.parse(repomdBody.bytes());
        MetadataFile primary = repomd.primary().orElseThrow(() -> new BadMetadata("its repomd.xml names no primary "
                + "metadata"));
        Files.createDirectories(staging.resolve("parts"));
        Path next = staging.resolve("repodata");
        AtomicFiles.deleteTree(next);
        Files.createDirectories(next);
        Set<String> kept = metadata(repomd, next);
        Map<String, RpmPackage> packages = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        PrimaryPackages.read(next.resolve(name(primary.href())), p -> {
            if (packages.putIfAbsent(p.href(), p) == null && inside(p.href()) == null) {
                failures.add(p.href() + ": names a path outside the tree");
            }
        });
        packagesTotal = packages.size();
        bytesTotal = packages.values().stream().mapToLong(RpmPackage::size).sum();
        Map<String, SyncState.Entry> recorded = last == null ? Map.of() : last.packages();
        List<Path> unsigned = Collections.synchronizedList(new ArrayList<>());
        Map<Path, RpmPackage> held = Collections.synchronizedMap(new HashMap<>());
        List<Future<String>> jobs = new ArrayList<>();
        for (RpmPackage p : packages.values()) {
            if (inside(p.href()) != null) {
                jobs.add(pool.submit(() -> place(p, recorded.get(p.href()), unsigned, held)));
            }
        }
        for (Future<String> job : jobs) {
            String failure = waitFor(job);
            if (failure != null) {
                failures.add(failure);
            }
        }
        if (options.checkSignatures() && !unsigned.isEmpty()) {
            failures.addAll(signatures(unsigned, held));
        }
        if (!failures.isEmpty()) {
            // the packages that could be had are in place; what is left of the others would be published with a
            // tree whose failure is failable
            AtomicFiles.deleteTree(staging);
            Collections.sort(failures);
            return new TreeResult(shown(), tree, TreeResult.Outcome.FAILED, packages.size(), downloaded.get(), 0,
                    bytes.get(), failures, Duration.between(start, Instant.now()));
        }
        Files.write(next.resolve("repomd.xml"), repomdBody.bytes());
        remoteTime(next.resolve("repomd.xml"), repomdBody.lastModified());
        swap(next, kept);
        int deleted = options.delete() ? deleteUnnamed(packages.keySet()) : 0;
        // the work directory goes before the tree is recorded as synced: a sync killed in between syncs again
        AtomicFiles.deleteTree(staging);
        if (stateFile != null) {
            record(repomdHash, packages).write(stateFile);
        }
        return new TreeResult(shown(), tree, TreeResult.Outcome.SYNCED, packages.size(), downloaded.get(), deleted,
                bytes.get(), List.of(), Duration.between(start, Instant.now()));
    }

    /** Pulp's "optimize": the same repomd.xml as at the last sync, and every package still as it left it. */
    private boolean unchanged(SyncState last, String repomdHash) throws IOException {
        if (last == null || !last.repomd().equals(repomdHash)) {
            return false;
        }
        Path local = tree.resolve("repodata/repomd.xml");
        if (!Files.isRegularFile(local) || !sha256(Files.readAllBytes(local)).equals(repomdHash)) {
            return false;
        }
        for (Map.Entry<String, SyncState.Entry> p : last.packages().entrySet()) {
            if (!same(tree.resolve(p.getKey()), p.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(Path file, SyncState.Entry entry) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile() && attributes.size() == entry.size()
                    && attributes.lastModifiedTime().toMillis() == entry.mtimeMillis();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Each file repomd.xml names, into {@code next}: taken from the tree's current metadata when it has that file
     * with that checksum, downloaded and verified otherwise. Returns the names taken from the tree.
     */
    private Set<String> metadata(Repomd repomd, Path next) throws IOException, BadMetadata {
        Set<String> kept = new HashSet<>();
        for (MetadataFile file : repomd.files()) {
            String href = file.href();
            if (!href.startsWith("repodata/") || href.indexOf('/', "repodata/".length()) >= 0
                    || name(href).equals("repomd.xml") || name(href).startsWith(".")) {
                throw new BadMetadata("its repomd.xml names " + href + ", which is not a file in repodata/");
            }
            if (!file.checksum().known()) {
                throw new BadMetadata("its repomd.xml gives " + href + " a checksum of unknown type "
                        + file.checksum().type());
            }
            Path current = tree.resolve(href);
            Path target = next.resolve(name(href));
            if (Files.isRegularFile(current, LinkOption.NOFOLLOW_LINKS) && file.checksum().matches(current)) {
                try {
                    Files.createLink(target, current);
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(current, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
                kept.add(name(href));
                continue;
            }
            Path part = next.resolve("." + name(href) + ".part");
            Fetcher.Download download;
            try {
                download = fetcher.toPart(url + "/" + href, part, file.size(), file.checksum(), options.deadline(),
                        bytes::addAndGet);
            } catch (Fetcher.Refused e) {
                throw new IOException(href + ": " + e.getMessage());
            }
            remoteTime(part, download.lastModified());
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        }
        return kept;
    }

    /**
     * One package into its place: nothing to do when it is there already with its size and checksum; downloaded
     * otherwise. Returns why it could not be had, or null.
     */
    private String place(RpmPackage p, SyncState.Entry recorded, List<Path> unsigned, Map<Path, RpmPackage> held) {
        try {
            String stopped = options.stopped().get();
            if (stopped != null) {
                return p.href() + ": not synced, " + stopped;
            }
            Path target = tree.resolve(p.href());
            if (present(target, p, recorded)) {
                done(p.size());
                return null;
            }
            Path part = part(p.href());
            String from = (p.base() == null ? url : trimmed(p.base())) + "/" + p.href();
            Fetcher.Download download = fetcher.toPart(from, part, p.size(), p.checksum(), options.deadline(), n -> {
                bytes.addAndGet(n);
                bytesDone.addAndGet(n);
                told();
            });
            remoteTime(part, download.lastModified());
            if (download.fetched() > 0 || download.resumed()) {
                downloaded.incrementAndGet();
            }
            if (options.checkSignatures()) {
                held.put(part, p);
                unsigned.add(part);
            } else {
                into(part, target);
            }
            bytesDone.addAndGet(p.size() - download.fetched());
            packagesDone.incrementAndGet();
            told();
            return null;
        } catch (IOException e) {
            return p.href() + ": " + e.getMessage();
        }
    }

    private boolean present(Path target, RpmPackage p, SyncState.Entry recorded) throws IOException {
        // a first sync's packages are all missing, and readAttributes would throw for each: each directory is asked
        // once, before any package is put into it, then the file
        // (followed when it is a link, as a path through it is)
        boolean dirAbsent = absent.computeIfAbsent(target.getParent(), d -> !Files.isDirectory(d));
        if (dirAbsent || !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return false;
        }
        if (!attributes.isRegularFile() || attributes.size() != p.size()) {
            return false;
        }
        if (recorded != null && recorded.size() == p.size() && recorded.checksum().equals(p.checksum().toString())
                && recorded.mtimeMillis() == attributes.lastModifiedTime().toMillis()) {
            return true;
        }
        return p.checksum().matches(target);
    }

    private void done(long size) {
        bytesDone.addAndGet(size);
        packagesDone.incrementAndGet();
        told();
    }

    private void told() {
        Instant now = Instant.now();
        if (Duration.between(told, now).compareTo(TELL_EVERY) >= 0) {
            told = now;
            tell.accept(packagesDone.get() + " of " + packagesTotal + " packages, " + ByteCount.of(bytesDone.get())
                    + " of " + ByteCount.of(bytesTotal));
        }
    }

    private List<String> signatures(List<Path> parts, Map<Path, RpmPackage> held) throws IOException {
        Map<Path, String> problems = RpmSignatures.check(parts, options.gpgKeys(), staging.resolve("rpmdb"), fetcher,
                options.deadline());
        List<String> failures = new ArrayList<>();
        for (Path part : parts) {
            RpmPackage p = held.get(part);
            String problem = problems.get(part);
            if (problem == null) {
                into(part, tree.resolve(p.href()));
            } else {
                Files.deleteIfExists(part);
                failures.add(p.href() + ": " + problem);
            }
        }
        return failures;
    }

    private void into(Path part, Path target) throws IOException {
        Path parent = target.getParent();
        // createDirectories of a directory that is there throws and catches an exception: asked once per directory
        if (!directories.contains(parent)) {
            Files.createDirectories(parent);
            directories.add(parent);
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The new metadata in place of the old. When no file of the new one has the name of a different file of the
     * old one (createrepo_c names each after its checksum), the new files join the old ones and the new repomd.xml
     * is renamed over the old: a reader sees one or the other, whole. Otherwise the directories are swapped by two
     * renames.
     */
    private void swap(Path next, Set<String> kept) throws IOException {
        Path repodata = tree.resolve("repodata");
        if (!Files.isDirectory(repodata, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(next, repodata, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        List<String> names = names(next);
        boolean clash = names.stream().anyMatch(n -> !n.equals("repomd.xml") && !kept.contains(n)
                && Files.exists(repodata.resolve(n), LinkOption.NOFOLLOW_LINKS));
        if (clash) {
            Path old = staging.resolve("repodata.old");
            AtomicFiles.deleteTree(old);
            Files.move(repodata, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(next, repodata, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.deleteTree(old);
            return;
        }
        for (String name : names) {
            if (!name.equals("repomd.xml") && !kept.contains(name)) {
                Files.move(next.resolve(name), repodata.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Files.move(next.resolve("repomd.xml"), repodata.resolve("repomd.xml"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        for (String name : names(repodata)) {
            if (!names.contains(name)) {
                Path gone = repodata.resolve(name);
                if (Files.isDirectory(gone, LinkOption.NOFOLLOW_LINKS)) {
                    AtomicFiles.deleteTree(gone);
                } else {
                    Files.delete(gone);
                }
            }
        }
    }

    private static List<String> names(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            entries.forEach(entry -> names.add(entry.getFileName().toString()));
        }
        return names;
    }

    /** The {@code .rpm} files of the tree its metadata does not name, as {@code dnf reposync --delete} finds them. */
    private int deleteUnnamed(Set<String> named) throws IOException {
        List<Path> gone = new ArrayList<>();
        Files.walkFileTree(tree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return dir.equals(staging) || dir.equals(tree.resolve("repodata")) ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && file.getFileName().toString().endsWith(".rpm")
                        && !named.contains(tree.relativize(file).toString())) {
                    gone.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        for (Path file : gone) {
            Files.delete(file);
        }
        return gone.size();
    }

    private SyncState record(String repomdHash, Map<String, RpmPackage> packages) throws IOException {
        Map<String, SyncState.Entry> entries = new HashMap<>();
        for (RpmPackage p : packages.values()) {
            Path file = tree.resolve(p.href());
            entries.put(p.href(), new SyncState.Entry(p.size(), Files.getLastModifiedTime(file,
                    LinkOption.NOFOLLOW_LINKS).toMillis(), p.checksum().toString()));
        }
        return new SyncState(repomdHash, entries);
    }

    /** The temporary name of a package while it downloads: its href in one file name, with its slashes escaped. */
    private Path part(String href) {
        return staging.resolve("parts").resolve(href.replace("%", "%25").replace("/", "%2F") + ".part");
    }

    /** The package's path in the tree, or null when its href would leave the tree. */
    private Path inside(String href) {
        if (href.isEmpty() || href.startsWith("/") || href.contains("\\")) {
            return null;
        }
        Path target = tree.resolve(href).normalize();
        return target.startsWith(tree) && !target.equals(tree) && !target.startsWith(staging)
                && !target.startsWith(tree.resolve("repodata")) ? target : null;
    }

    /** As {@code --remote-time}: the server's Last-Modified, when it sends one. */
    private static void remoteTime(Path file, Instant lastModified) throws IOException {
        if (lastModified != null) {
            Files.setLastModifiedTime(file, FileTime.from(lastModified));
        }
    }

    private static String waitFor(Future<String> job) throws IOException {
        try {
            return job.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (ExecutionException e) {
            // place() turns every IOException into the package's failure: what is left is a defect
            throw new IllegalStateException(e.getCause());
        }
    }

    private static String name(String href) {
        return href.substring(href.lastIndexOf('/') + 1);
    }

    private static String trimmed(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private String shown() {
        return SecretUrl.of(url).map(SecretUrl::toString).orElse(url);
    }

    private static String sha256(byte[] bytes) throws IOException {
        return Checksums.sha256(new java.io.ByteArrayInputStream(bytes));
    }
}
