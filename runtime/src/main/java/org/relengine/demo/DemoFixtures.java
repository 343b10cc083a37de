package org.relengine.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.relengine.model.CloudImage;
import org.relengine.model.Recipe;
import org.relengine.model.Release;
import org.relengine.model.Repo;

/**
 * The demo's miniature distribution, built once and cached: tiny real RPMs (rpmbuild) for every repo
 * and arch of a recipe with debug and source packages, as many in each repo as asked (one spec per repo,
 * so one rpmbuild per repo and arch whatever the number), laid out as Peridot's hashed yumrepofs with
 * createrepo_c metadata; laid out under the keys of Rocky's bucket, a synthetic lorax result per arch (a small bootable ISO made with xorriso,
 * marked SYNTHETIC); tiny synthetic cloud images; and a git repository with the extra files.
 */
public final class DemoFixtures {

    /** Bumped when what the fixtures contain changes, so old caches are not reused. */
    private static final String VERSION = "demo-fixtures-4";

    /** The upload epoch of every synthetic result: 2025-11-11 00:00 UTC. */
    public static final long EPOCH = 1_762_819_200L;

    /** The programs the fixtures are built with; {@link ProcessRunner} refuses any other. */
    public static final List<String> PROGRAMS = List.of("rpmbuild", "createrepo_c", "xorriso", "gpg");

    /** Who the demo's throwaway signing key names: a recipe's signing steps sign with it in the demo. */
    public static final String SIGNING_KEY = "relengine-demo@relengine.invalid";

    /**
     * Where the pieces are, once built.
     *
     * @param gnupg the GnuPG home holding the demo's throwaway signing key; null when the recipe signs nothing
     */
    public record Built(Path server, String projectPath, Path artifacts, Path git, int packages, boolean cached,
                        Path gnupg) {
    }

    private final Recipe recipe;
    private final String project;
    private final boolean brokenDependency;
    private final int packagesPerRepo;

    /**
     * @param packagesPerRepo how many binary packages each repo has on each of its arches (debuginfo and the
     *                        broken-dependency package not counted): 1 or more
     */
    public DemoFixtures(Recipe recipe, String project, boolean brokenDependency, int packagesPerRepo) {
        if (packagesPerRepo < 1) {
            throw new IllegalArgumentException("a repo has at least one package, not " + packagesPerRepo);
        }
        this.recipe = recipe;
        this.project = project;
        this.brokenDependency = brokenDependency;
        this.packagesPerRepo = packagesPerRepo;
    }

    public Built build(Path cache, java.io.PrintWriter out) throws IOException {
        Path dir = cache.resolve(key());
        Path done = dir.resolve(".complete");
        Path server = dir.resolve("server");
        String projectPath = "v1/projects/" + project;
        if (Files.exists(done)) {
            DemoErrata.write(recipe, server);
            return new Built(server, projectPath, server.resolve("artifacts"), dir.resolve("git"),
                    Integer.parseInt(Files.readString(done).strip()), true, signingKey(dir.resolve("gnupg")));
        }
        deleteTree(dir);
        Files.createDirectories(dir);
        out.println("relengine demo: building the miniature distribution once (rpmbuild, createrepo_c, xorriso)…");
        out.flush();
        int packages = packages(dir, server.resolve(projectPath + "/repo"));
        lorax(dir.resolve("lorax"), server.resolve("artifacts"));
        cloud(server.resolve("artifacts"));
        git(dir.resolve("git"));
        DemoErrata.write(recipe, server);
        Files.writeString(done, packages + "\n");
        return new Built(server, projectPath, server.resolve("artifacts"), dir.resolve("git"), packages, false,
                signingKey(dir.resolve("gnupg")));
    }

    /**
     * A throwaway key without a passphrase in a GnuPG home of its own, made once, when the recipe signs staged
     * repositories: the demo signs as the recipe says, with a key that signs nothing else.
     */
    private Path signingKey(Path home) throws IOException {
        if (recipe.step(org.relengine.model.Step.SignRepos.class).isEmpty()) {
            return null;
        }
        Path made = home.resolve(".complete");
        if (Files.exists(made)) {
            return home;
        }
        deleteTree(home);
        Files.createDirectories(home);
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        ProcessRunner.run(home, List.of("gpg", "--homedir", home.toString(), "--batch", "--pinentry-mode", "loopback",
                "--passphrase", "", "--quick-gen-key", "relengine demo (throwaway, signs nothing else) <"
                        + SIGNING_KEY + ">", "default", "default", "never"));
        Files.writeString(made, SIGNING_KEY + "\n");
        return home;
    }

    private String key() {
        StringBuilder text = new StringBuilder(VERSION).append(brokenDependency).append(packagesPerRepo);
        Release r = recipe.release();
        text.append(r.shortName()).append(r.version()).append(project);
        for (Repo repo : recipe.repos()) {
            text.append(repo.name()).append(repo.from()).append(recipe.syncArches(repo));
        }
        recipe.cloudImages().forEach(c -> text.append(c.type()).append(c.variants()).append(c.arches()));
        if (recipe.extraFiles() != null) {
            text.append(recipe.extraFiles().files()).append(recipe.extraFiles().ref());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- packages

    private int packages(Path dir, Path repoRoot) throws IOException {
        int count = 0;
        String dist = "el" + recipe.release().major();
        for (Repo repo : recipe.repos()) {
            String name = "demo-" + repo.name().toLowerCase(Locale.ROOT);
            List<Path> specs = new ArrayList<>();
            String requires = repo.name().equals("AppStream") ? "Requires: demo-baseos\n" : "";
            specs.add(spec(dir.resolve("specs"), new RepoSpecFile(name, repo.name(), dist, packagesPerRepo, requires)));
            if (brokenDependency && repo.name().equals("AppStream")) {
                specs.add(spec(dir.resolve("specs"), new RepoSpecFile("demo-broken", repo.name(), dist, 1,
                        "Requires: demo-missing-capability\n")));
            }
            Path top = dir.resolve("rpmbuild/" + repo.name());
            for (Path spec : specs) {
                for (String arch : recipe.syncArches(repo)) {
                    ProcessRunner.run(dir, List.of("rpmbuild", "-bb", "--target", arch, "--define", "_topdir " + top,
                            "--define", "debug_package %{nil}", "--define", "_build_id_links none", spec.toString()));
                }
                ProcessRunner.run(dir, List.of("rpmbuild", "-bs", "--define", "_topdir " + top, spec.toString()));
            }
            for (String arch : recipe.syncArches(repo)) {
                Path os = repoRoot.resolve("hashed-" + repo.from() + "/" + arch);
                Path debug = repoRoot.resolve("hashed-" + repo.from() + "/" + arch + "-debug");
                count += place(top.resolve("RPMS/" + arch), os, f -> !f.contains("-debuginfo-"));
                count += place(top.resolve("RPMS/" + arch), debug, f -> f.contains("-debuginfo-"));
                createrepo(dir, os);
                createrepo(dir, debug);
            }
            Path source = repoRoot.resolve("hashed-" + repo.from() + "/src");
            count += place(top.resolve("SRPMS"), source, f -> true);
            createrepo(dir, source);
        }
        return count;
    }

    private static Path spec(Path dir, RepoSpecFile spec) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(spec.name() + "-" + spec.repo() + ".spec");
        Files.writeString(file, spec.text());
        return file;
    }

    /** Copies matching RPMs into {@code Packages/<first letter>/}, as Peridot's hashed view lays them out. */
    private static int place(Path from, Path tree, java.util.function.Predicate<String> keep) throws IOException {
        if (!Files.isDirectory(from)) {
            return 0;
        }
        List<Path> rpms;
        try (Stream<Path> list = Files.list(from)) {
            rpms = list.filter(p -> p.toString().endsWith(".rpm") && keep.test(p.getFileName().toString())).toList();
        }
        for (Path rpm : rpms) {
            String name = rpm.getFileName().toString();
            Path target = tree.resolve("Packages/" + Character.toLowerCase(name.charAt(0)) + "/" + name);
            Files.createDirectories(target.getParent());
            Files.copy(rpm, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return rpms.size();
    }

    private static void createrepo(Path dir, Path tree) throws IOException {
        Files.createDirectories(tree);
        ProcessRunner.run(dir, List.of("createrepo_c", "--quiet", "--no-database", tree.toString()));
    }

    // ---------------------------------------------------------------- lorax

    /** Per arch, a tarball shaped like a lorax result whose boot ISO has real El Torito boot records. */
    private void lorax(Path work, Path artifacts) throws IOException {
        Release release = recipe.release();
        for (String arch : recipe.arches()) {
            Path tree = work.resolve(arch + "/lorax");
            Files.createDirectories(tree.resolve("isolinux"));
            Files.createDirectories(tree.resolve("images/pxeboot"));
            Files.write(tree.resolve("isolinux/isolinux.bin"), new byte[2048]);
            Files.writeString(tree.resolve("isolinux/isolinux.cfg"), "# SYNTHETIC relengine demo boot menu\n"
                    + "label linux\n  kernel vmlinuz\n  append inst.stage2=hd:LABEL=" + release.volumeId(arch, "dvd")
                    + "\n");
            Files.writeString(tree.resolve("images/pxeboot/vmlinuz"), "SYNTHETIC kernel for " + arch + "\n");
            Files.writeString(tree.resolve("images/pxeboot/initrd.img"), "SYNTHETIC initrd for " + arch + "\n");
            // isomd5sum misjudges images under about 1 MiB; a stage2 of 1.5 MiB keeps the discs above that
            byte[] stage2 = new byte[3 * 512 * 1024];
            new java.util.Random(arch.hashCode()).nextBytes(stage2);
            Files.write(tree.resolve("images/install.img"), stage2);
            Files.writeString(tree.resolve("SYNTHETIC-DEMO-BUILD"), "This boot tree was made by relengine demo, "
                    + "not by lorax: it boots nothing. Real boot images are built by lorax on each arch.\n");
            Files.writeString(tree.resolve(".discinfo"), "0.0\n" + release.name() + " " + release.version() + "\n"
                    + arch + "\nALL\n");
            Files.writeString(tree.resolve(".treeinfo"), "[header]\ntype = productmd.treeinfo\nversion = 1.2\n");
            Path iso = work.resolve(arch + "/boot.iso");
            ProcessRunner.run(work, List.of("xorriso", "-as", "mkisofs", "-o", iso.toString(), "-V",
                    release.volumeId(arch, "dvd"), "-b", "isolinux/isolinux.bin", "-c", "isolinux/boot.cat",
                    "-no-emul-boot", "-boot-load-size", "4", "-boot-info-table", "-R", "-J", "-pad", tree.toString()));
            Files.move(iso, tree.resolve("images/boot.iso"));
            Files.writeString(work.resolve(arch + "/lorax-" + arch + ".log"), "SYNTHETIC: no lorax ran\n");
            Path tarball = artifacts.resolve(org.relengine.store.ResultKeys.lorax(release, arch).key(EPOCH));
            tar(work.resolve(arch), List.of("lorax", "lorax-" + arch + ".log"), tarball);
        }
    }

    private static void tar(Path base, List<String> entries, Path tarball) throws IOException {
        Files.createDirectories(tarball.getParent());
        try (OutputStream file = Files.newOutputStream(tarball);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (String entry : entries) {
                List<Path> paths;
                try (Stream<Path> walk = Files.walk(base.resolve(entry))) {
                    paths = walk.sorted().toList();
                }
                for (Path path : paths) {
                    String name = base.relativize(path).toString() + (Files.isDirectory(path) ? "/" : "");
                    TarArchiveEntry tarEntry = new TarArchiveEntry(path.toFile(), name);
                    tar.putArchiveEntry(tarEntry);
                    if (Files.isRegularFile(path)) {
                        Files.copy(path, tar);
                    }
                    tar.closeArchiveEntry();
                }
            }
        }
    }

    // ---------------------------------------------------------------- cloud images and extra files

    private void cloud(Path artifacts) throws IOException {
        Release release = recipe.release();
        for (CloudImage image : recipe.cloudImages()) {
            List<String> variants = image.variants().isEmpty() ? List.of("") : image.variants();
            for (String variant : variants) {
                String name = variant.isEmpty() ? image.type() : image.type() + "-" + variant;
                for (String arch : image.arches()) {
                    String file = release.shortName() + "-" + release.major() + "-" + name + "-" + release.version()
                            + "-20251111.0." + arch + "." + image.format();
                    Path path = artifacts.resolve(org.relengine.store.ResultKeys.cloud(release, arch, name, "", "")
                            .key(EPOCH, file));
                    Files.createDirectories(path.getParent());
                    Files.writeString(path, "SYNTHETIC " + name + " image for " + arch + " made by relengine demo\n");
                }
            }
        }
    }

    private void git(Path repository) throws IOException {
        if (recipe.extraFiles() == null) {
            return;
        }
        try (Git git = Git.init().setDirectory(repository.toFile()).setInitialBranch(recipe.extraFiles().ref()).call()) {
            for (String file : recipe.extraFiles().files()) {
                Path path = repository.resolve(file);
                Files.createDirectories(path.getParent());
                Files.writeString(path, file + ": SYNTHETIC file of the relengine demo, not the real " + file + "\n");
                git.add().addFilepattern(file).call();
            }
            git.commit().setMessage("Extra files of the relengine demo").setAuthor("relengine demo", "demo@localhost")
                    .setCommitter("relengine demo", "demo@localhost").setSign(false).call();
        } catch (GitAPIException e) {
            throw new IOException("cannot make the demo's extra-files repository: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        org.relengine.formats.AtomicFiles.deleteTree(dir);
    }
}
