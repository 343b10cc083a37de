package org.relengine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.relengine.compile.Recipes;
import org.relengine.demo.DemoFixtures;
import org.relengine.demo.DemoRecipe;
import org.relengine.demo.DemoServer;
import org.relengine.demo.ToolsImage;
import org.relengine.store.ArtifactStore;
import org.relengine.store.LoopbackS3;
import org.relengine.exec.ComposeRun;
import org.relengine.exec.RunLock;
import org.relengine.model.Executor;
import org.relengine.model.Recipe;
import org.relengine.model.Step;
import org.relengine.model.SyncEngine;
import org.relengine.model.SourceKind;
import org.relengine.plan.Plan;
import org.relengine.report.RunReports;
import org.relengine.tools.PackageManager;
import org.relengine.tools.PlanPrograms;
import org.relengine.tools.ProgramCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(versionProvider = Main.Version.class, name = "demo", mixinStandardHelpOptions = true,
        description = {"The main job out of the box: a loopback package server with a miniature distribution "
                + "(tiny real RPMs for every repo and arch), then the real recipes/rocky9.groovy composed against it "
                + "with the real tools."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the compose is done", "1:a tool is missing or the recipe has errors",
            "3:a required task failed"})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "demo", description = "Where the compose goes (default ./demo).")
    Path out;

    @Option(names = "--recipe", paramLabel = "RECIPE", description = "The recipe (default: recipes/rocky9.groovy of this checkout).")
    Path recipeFile;

    @Option(names = "--dry-run", description = "Build the fixtures and start the server, then print what the run would do.")
    boolean dryRun;

    @Option(names = "--jobs", paramLabel = "N", converter = JobsConverter.class,
            description = "Tasks at the same time, 1 to 1024 (default: the number of cores).")
    Integer jobs;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30", converter = DurationConverter.class,
            description = "Stop a task that takes longer, its commands and network waits included: minutes, or 90s, 30m, 2h (default 30 minutes).")
    Duration timeout;

    @Option(names = "--date-stamp", paramLabel = "YYYYMMDD.HHMMSS",
            description = "The compose's date stamp (default: the current time).")
    String dateStamp;

    @Option(names = "--executor", paramLabel = "local",
            description = "Run every step on this machine, also those the recipe puts in podman or mock (only `local`).")
    String executor;

    @Mixin
    ResumeOptions resume = new ResumeOptions();

    /** Which executors ran what, for the summary. */
    private String executorsLine = "";

    @Mixin
    ReportingOptions reporting = new ReportingOptions();

    @Option(names = "--packages", paramLabel = "N", defaultValue = "1", converter = PackagesConverter.class,
            description = "Binary packages in each repo, on each of its arches, 1 to " + PackagesConverter.MOST
                    + " (default 1): 166 make about 2,000 RPMs over BaseOS, AppStream and CRB of four arches.")
    int packages;

    @Option(names = "--broken-dependency", hidden = true,
            description = "Give AppStream a package whose dependency nothing provides (to see a closure failure).")
    boolean broken;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunReports reports = reporting.reports();
        if (!RealRun.check(reports, err)) {
            return ExitCode.ERRORS;
        }
        if (executor != null && !executor.equals("local")) {
            err.println("relengine demo: --executor takes `local`, not `" + executor + "`");
            return ExitCode.USAGE;
        }
        if (dateStamp != null && !dateStamp.matches("\\d{8}\\.\\d{6}")) {
            err.println("relengine demo: --date-stamp takes YYYYMMDD.HHMMSS, not `" + dateStamp + "`");
            return ExitCode.USAGE;
        }
        Path file = recipeFile != null ? recipeFile : shippedRecipe();
        Recipes.Result loaded = Recipes.load(file);
        if (!loaded.ok()) {
            DiagnosticsPrinter.text(file.toString(), loaded, err);
            return ExitCode.ERRORS;
        }
        Recipe recipe = loaded.recipe();
        if (!programs(DemoPlanning.programs(recipe, out), stdout, err)) {
            return ExitCode.ERRORS;
        }
        String project = recipe.source(SourceKind.PERIDOT).map(s -> s.project()).orElse("demo");
        Instant start = Instant.now();
        DemoFixtures.Built fixtures = new DemoFixtures(recipe, project, broken, packages).build(cache(), stdout);
        Path portFile = out.resolve(".demo-server-port");
        Path s3PortFile = out.resolve(".demo-s3-port");
        try (DemoServer server = startServer(fixtures, portFile, stdout);
             LoopbackS3 s3 = startS3(s3PortFile, stdout)) {
            stdout.println("relengine demo: package server on " + server.url() + " (" + fixtures.packages()
                    + " RPMs" + (fixtures.cached() ? ", cached" : "") + ")");
            int uploaded;
            try {
                uploaded = dryRun ? 0 : fillBucket(fixtures.artifacts(), s3);
            } catch (IOException | org.relengine.plan.spi.TaskFailure e) {
                err.println("relengine demo: the demo's build results could not be put into its bucket: "
                        + e.getMessage());
                return ExitCode.ERRORS;
            }
            stdout.println("relengine demo: S3 server on " + s3.endpoint() + ", bucket " + DemoRecipe.BUCKET
                    + " in its memory" + (uploaded > 0 ? " (" + uploaded + " build results uploaded)" : ""));
            boolean podman = recipe.compose().stream().anyMatch(s -> s instanceof Step.Placed p
                    && p.on() == Executor.PODMAN && !(s instanceof Step.Iso));
            ToolsImage.Ready containers = executor != null ? new ToolsImage.Ready(null, "--executor local")
                    : !podman ? new ToolsImage.Ready(null, "not used by the recipe")
                    : dryRun ? ToolsImage.existing() : ToolsImage.ensure(cache(), stdout);
            Recipe demo = DemoPlanning.adapt(recipe, out, server.url(), s3.endpoint(), fixtures.git(),
                    fixtures.gnupg(), containers.image(), executor == null);
            String stamp = dateStamp != null ? dateStamp : DateStamp.now();
            Plan plan = DemoPlanning.plan(demo, stamp);
            executorsLine = executors(plan, containers);
            stdout.println("relengine demo: " + executorsLine);
            if (resume.resume && !dryRun && dateStamp == null) {
                java.util.Optional<String> earlier = ResumableCompose.latestStamp(plan, stamp);
                if (earlier.isEmpty()) {
                    err.println("relengine demo: nothing to resume: there is no demo compose in " + out);
                    err.println("  hint: run `relengine demo` without --resume to start one");
                    return ExitCode.ERRORS;
                }
                plan = DemoPlanning.plan(demo, earlier.get());
            }
            if (dateStamp != null && !dryRun && resume.resume != Files.isRegularFile(
                    Path.of(plan.composeDir()).resolve("work/journal"))) {
                err.println("relengine demo: " + (resume.resume ? "nothing to resume: there is no demo compose "
                        + plan.composeDir() : plan.composeDir() + " exists already; a demo makes a new compose"));
                err.println("  hint: " + (resume.resume ? "leave out --resume to start it" : "give --resume to continue it"));
                return ExitCode.ERRORS;
            }
            if (dryRun) {
                DryRun.walk(plan, stdout);
                return ExitCode.OK;
            }
            int parallel = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
            // the port is written once the run holds its locks: a run refused by another must not move the
            // port the other's --resume comes back to
            List<org.relengine.exec.RunObserver> observers = new java.util.ArrayList<>(reports.observers(stdout, parallel));
            observers.add(0, new PortRecord(portFile, server.port()));
            observers.add(0, new PortRecord(s3PortFile, s3.port()));
            ComposeRun.Result result;
            try {
                result = ComposeRun.run(plan, RealRun.ENGINE, new ComposeRun.Options(parallel, timeout, resume.resume,
                        resume.breakLock, "relengine demo --out " + out, resume.verifyFull()), stdout, observers);
            } catch (RunLock.Locked e) {
                return RealRun.refused("relengine demo: ", e, err);
            }
            reports.ran(plan, result);
            summary(plan, demo, s3, result, Duration.between(start, Instant.now()), stdout);
            return RealRun.report(reports, result.exitCode() == 0 ? ExitCode.OK : ExitCode.TASK_FAILED, stdout, err);
        }
    }

    /** Which executors run what, in one line: the kinds of task the plan puts in podman and mock. */
    private static String executors(Plan plan, ToolsImage.Ready containers) {
        List<String> placed = new java.util.ArrayList<>();
        for (Executor executor : List.of(Executor.PODMAN, Executor.MOCK)) {
            List<String> kinds = plan.tasks().stream().filter(t -> t.executor() == executor)
                    .map(t -> t.kind().word()).distinct().toList();
            if (!kinds.isEmpty()) {
                placed.add(String.join(" and ", kinds) + " run in " + executor.word()
                        + (executor == Executor.PODMAN ? " (" + containers.image() + ")" : ""));
            }
        }
        boolean images = plan.tasks().stream().anyMatch(t -> t.kind().equals(org.relengine.steps.unpack.UnpackStep.KIND));
        String lorax = images ? "; lorax (`iso … on: kubernetes`) does not run: no cluster here; synthetic results "
                + "stand in" : "";
        if (placed.isEmpty()) {
            return "every step runs on this machine (podman: " + containers.reason() + ")" + lorax;
        }
        return String.join("; ", placed) + "; the rest here" + (containers.image() == null ? " (podman: "
                + containers.reason() + ")" : "") + lorax;
    }

    /** On the earlier run's port when resuming, so that the tasks it planned are the same tasks now. */
    private DemoServer startServer(DemoFixtures.Built fixtures, Path portFile, PrintWriter stdout) throws IOException {
        if (resume.resume && Files.isRegularFile(portFile)) {
            int port = Integer.parseInt(Files.readString(portFile).strip());
            try {
                return DemoServer.start(fixtures.server(), port);
            } catch (java.net.BindException e) {
                stdout.println("relengine demo: the earlier server port " + port + " is taken; the tasks that name "
                        + "the server run again");
            }
        }
        return DemoServer.start(fixtures.server());
    }

    /**
     * The demo's S3 server, its bucket in memory and filled from the fixtures each time (no disk of its own, and
     * nothing in {@code --out} but the compose), on the earlier run's port when resuming: the endpoint is part of
     * what the unpack and cloud tasks were planned with.
     */
    private LoopbackS3 startS3(Path portFile, PrintWriter stdout) throws IOException {
        if (resume.resume && Files.isRegularFile(portFile)) {
            int port = Integer.parseInt(Files.readString(portFile).strip());
            try {
                return LoopbackS3.inMemory(DemoRecipe.BUCKET, port);
            } catch (IOException e) {
                stdout.println("relengine demo: the earlier S3 server port " + port + " is taken; the tasks that read "
                        + "the bucket run again");
            }
        }
        return LoopbackS3.inMemory(DemoRecipe.BUCKET, 0);
    }

    /**
     * Uploads each synthetic build result (laid out under its bucket key) through the S3 store, unless the bucket
     * has it already.
     *
     * @return how many were uploaded
     */
    private static int fillBucket(Path artifacts, LoopbackS3 s3) throws IOException {
        ArtifactStore store = ArtifactStore.open(new ArtifactStore.Location(null, DemoRecipe.BUCKET, "us-east-1",
                s3.endpoint(), true));
        java.util.Set<String> there = new java.util.HashSet<>(store.list(""));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(artifacts)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        PrintWriter quiet = new PrintWriter(java.io.Writer.nullWriter());
        int uploaded = 0;
        for (Path file : files) {
            String key = artifacts.relativize(file).toString().replace('\\', '/');
            if (!there.contains(key)) {
                store.put(file, key, quiet);
                uploaded++;
            }
        }
        return uploaded;
    }

    /** The recipe the demo composes when none is given: this checkout's rocky9. */
    static Path shippedRecipe() {
        return Path.of(System.getProperty("relengine.home", ".")).resolve("recipes/rocky9.groovy");
    }

    /**
     * Whether every program the demo runs is here, after installing what is missing when this process may:
     * as root, with apt-get or dnf, and not in a dry run (which changes nothing). Otherwise it names each missing program and the one command that installs
     * them all, before anything is built or written.
     */
    private boolean programs(PlanPrograms programs, PrintWriter stdout, PrintWriter err) throws IOException {
        // a dry run only looks on PATH: asking a tool its version (dnf --version) writes its logs and caches
        List<String> missing = dryRun ? Doctor.missingOnPath(programs.here()) : Doctor.missing(programs.here());
        if (missing.isEmpty()) {
            return true;
        }
        java.util.Optional<PackageManager> manager = PackageManager.here();
        if (manager.isPresent() && Doctor.isRoot() && !dryRun) {
            ProgramCheck.Packages packages = Doctor.packages(missing, manager.get());
            if (packages.unavailable().isEmpty()) {
                List<String> install = manager.get().installCommand(packages.packages());
                stdout.println("relengine demo: installing what the demo runs (" + String.join(", ", missing) + "): "
                        + String.join(" ", install));
                stdout.flush();
                try {
                    if (manager.get().refreshCommand().isPresent()) {
                        Exec.inherit(manager.get().refreshCommand().get());
                    }
                    Exec.inherit(install);
                } catch (IOException e) {
                    err.println("relengine demo: installing failed: " + e.getMessage());
                    return false;
                }
                missing = Doctor.missing(programs.here());
                if (missing.isEmpty()) {
                    return true;
                }
            }
        }
        err.println("relengine demo: " + missing.size() + (missing.size() == 1 ? " program" : " programs")
                + " the demo runs " + (missing.size() == 1 ? "is" : "are") + " missing; nothing was done:");
        for (String name : missing) {
            err.printf("  %-17s needed for %s%n", name, Doctor.purpose(name, programs.programs()));
        }
        Doctor.installAdvice(missing).forEach(line -> err.println("  " + line));
        return false;
    }

    private static Path cache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("relengine/demo");
    }

    private void summary(Plan plan, Recipe demo, LoopbackS3 s3, ComposeRun.Result result, Duration took,
                         PrintWriter out) throws IOException {
        Path compose = Path.of(plan.composeDir()).resolve("compose");
        out.println();
        out.println("relengine demo: " + (result.exitCode() == 0 ? "done" : "FAILED") + " in " + org.relengine.formats.Durations.human(took));
        out.println("  compose      " + plan.composeDir());
        Path latest = Path.of(plan.composeDir()).getParent().resolve(
                org.relengine.model.ComposePaths.of(demo).latestLinkName());
        if (Files.isSymbolicLink(latest)) {
            out.println("  latest link  " + latest + " → " + Files.readSymbolicLink(latest).getFileName());
        }
        long trees = demo.repos().stream().mapToLong(r -> demo.syncArches(r).size()).sum();
        boolean closure = plan.tasks().stream().anyMatch(t -> t.kind().word().equals("repoclosure"));
        boolean extraTrees = plan.tasks().stream().anyMatch(t -> t.id().endsWith(":debug") || t.id().endsWith(":source"));
        out.println("  repos        " + demo.repos().size() + " repos, " + trees + " repo × arch trees"
                + (extraTrees ? " with debug and source trees" : "") + ", synced with "
                + demo.step(Step.Sync.class).map(sync -> sync.engine() == SyncEngine.NATIVE ? "relengine's sync engine"
                : "dnf reposync").orElse("nothing") + (closure ? " and closure-checked with dnf repoclosure" : ""));
        for (String arch : demo.arches()) {
            Path isos = compose.resolve("isos/" + arch);
            if (!Files.isDirectory(isos)) {
                continue;
            }
            try (Stream<Path> list = Files.list(isos)) {
                for (Path iso : list.filter(p -> p.toString().endsWith(".iso") && !Files.isSymbolicLink(p)).sorted()
                        .toList()) {
                    out.printf("  iso          isos/%s/%s (%d KiB)%n", arch, iso.getFileName(), Files.size(iso) / 1024);
                }
            }
        }
        long pulled = plan.tasks().stream().filter(t -> t.kind().equals(org.relengine.steps.unpack.UnpackStep.KIND)
                || t.kind().equals(org.relengine.steps.cloud.CloudStep.KIND)).count();
        if (pulled > 0) {
            out.println("  results      " + pulled + " lorax results and cloud images came through S3: s3://"
                    + DemoRecipe.BUCKET + " on " + s3.endpoint() + " (S3Proxy on loopback), listed, downloaded and "
                    + "SHA-256-verified by the S3 store");
        }
        if (Files.exists(compose.resolve("metadata/composeinfo.json"))) {
            out.println("  metadata     " + compose.resolve("metadata/composeinfo.json"));
        }
        for (var target : List.of("staging", "production")) {
            String dir = plan.targets().get(target);
            if (dir != null && Files.isDirectory(Path.of(dir))) {
                out.printf("  %-12s %s%n", target, dir);
            }
        }
        String module = demo.step(Step.FileLists.class).map(f -> f.modules().get(0)).orElse("rocky");
        Path lists = demo.roots().production() == null ? null
                : Path.of(demo.roots().production(), "mirror/pub/" + module + "/fullfiletimelist-" + module);
        if (lists != null && Files.exists(lists)) {
            out.println("  file list    " + lists);
        }
        var errata = demo.step(Step.Updateinfo.class);
        long injected = plan.tasks().stream().filter(t -> t.kind().equals(
                org.relengine.steps.updateinfo.UpdateinfoStep.KIND)).count();
        if (errata.isPresent() && injected > 0) {
            out.println("  errata       " + injected + " staged os trees got their updateinfo.xml from the demo's errata "
                    + "service (" + errata.get().url() + "), injected with modifyrepo_c before signing");
        }
        var signing = demo.step(Step.SignRepos.class);
        long signatures = plan.task(org.relengine.steps.signrepos.SignReposStep.KEY.id()).map(t -> t.outputs().stream().filter(o -> Files.exists(Path.of(o)))
                .count()).orElse(0L);
        if (signing.isPresent() && signatures > 0) {
            out.println("  signatures   " + signatures + " repomd.xml of staging signed (" + String.join(", ",
                    signing.get().trees()) + " trees), with the demo's throwaway key in " + signing.get().homedir());
        }
        out.println("  logs         " + result.logs());
        out.println();
        if (pulled > 0) {
            out.println("  Synthetic in the demo: the per-arch lorax boot images (lorax must run on each target arch;");
            out.println("  a small xorriso-made boot ISO stands in, through the same pull-unpack-tree path), the cloud");
            out.println("  images, the packages themselves, and the key staging is signed with (a throwaway one). Package");
            out.println("  signatures are not checked (the demo's RPMs are unsigned), published files keep your ownership,");
            out.println("  and lorax, which the recipe runs as Kubernetes Jobs, is not run (no cluster here). Everything");
            out.println("  else is the real recipe and the real tools.");
        } else {
            out.println("  Synthetic in the demo: the packages themselves (unsigned, so their signatures are not");
            out.println("  checked) and any signing key (a throwaway one); published files keep your ownership.");
            out.println("  Everything else is the real recipe and the real tools.");
        }
        out.println("  executors    " + executorsLine);
        out.flush();
    }

    /** Writes the server's port beside the compose when the run starts, for a later --resume. */
    private record PortRecord(Path file, int port) implements org.relengine.exec.RunObserver {
        @Override
        public void started(Plan plan, java.util.function.Function<String, Path> logs) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, port + "\n");
            } catch (IOException e) {
                throw new org.relengine.exec.StateWriteFault(file, e);
            }
        }

        @Override
        public void changed(org.relengine.plan.Task task, org.relengine.exec.TaskState state, int finished, int total,
                            String detail) {
        }
    }

    /** Runs an installer with its output on the terminal. */
    static final class Exec {
        private Exec() {
        }

        static void inherit(List<String> argv) throws IOException {
            try {
                ProcessBuilder builder = new ProcessBuilder(argv).inheritIO();
                builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
                Process process = builder.start();
                int exit = process.waitFor();
                if (exit != 0) {
                    throw new IOException(String.join(" ", argv) + " exited with " + exit);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }
}
