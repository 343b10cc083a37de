package org.relengine.cli

import groovy.transform.CompileStatic
import groovy.transform.ToString
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.CompletableFuture
import java.util.concurrent.TimeUnit

/**
 * Runs the relengine command line as a real process, the way a user or CI does: a fresh JVM with
 * {@code org.relengine.cli.Main} on the test class path, a working directory, no terminal (stdin, stdout
 * and stderr are pipes), and both output streams read fully.
 */
@CompileStatic
final class Cli {

    /** The repository root; Surefire passes it as {@code relengine.root}. */
    static final Path ROOT = Path.of(System.getProperty('relengine.root', '..')).toAbsolutePath().normalize()

    /** The recipes that ship with relengine. */
    static final Path RECIPES = ROOT.resolve('recipes')

    static final long TIMEOUT_SECONDS = 60

    /** The full command line. */
    static final List<String> MAIN = ['org.relengine.cli.Main']

    /** {@code filelists} as the launcher starts it: on its own, with the JDK's file-system internals opened. */
    static final List<String> QUICK_FILE_LISTS = ['--add-opens', 'java.base/sun.nio.fs=ALL-UNNAMED',
                                                  'org.relengine.cli.QuickFileLists']

    /** What a stack trace or a leaked Groovy/Java internal looks like in the output. */
    static final List<String> STACK_TRACE_MARKERS = ['Exception', '\tat ', 'groovy.lang', 'org.codehaus']

    /**
     * The environment every run starts from: the caller's, minus what would change relengine's
     * behaviour behind the test's back, with a UTF-8 locale and a colour-capable TERM (so that only the
     * missing terminal keeps colour off).
     */
    private static final Map<String, String> BASE_ENV = [
            NO_COLOR           : null,
            RELENGINE_DEBUG    : null,
            RELENGINE_JAVA_OPTS: null,
            JAVA_TOOL_OPTIONS  : null,
            _JAVA_OPTIONS      : null,
            JDK_JAVA_OPTIONS   : null,
            TERM               : 'xterm-256color',
            LANG               : 'C.UTF-8',
            LC_ALL             : 'C.UTF-8',
    ] as Map<String, String>

    private Cli() {
    }

    static Result run(String... args) {
        run([:], args)
    }

    /**
     * @param options {@code dir}: the working directory (default {@link #ROOT});
     *                {@code timeout}: seconds before the process is killed and the test fails (default 60);
     *                {@code env}: variables to set on top of the base environment, a null value removes one;
     *                {@code under}: a command to run the JVM under, e.g. {@code ['unshare', '-rn']};
     *                {@code main}: the main class and the JVM options before it (default {@link #MAIN})
     */
    static Result run(Map options, String... args) {
        Path dir = (options.dir ?: ROOT) as Path
        Map<String, String> env = new LinkedHashMap<String, String>(BASE_ENV)
        env.putAll((options.env ?: [:]) as Map<String, String>)

        List<String> command = ((options.under ?: []) as List<String>) + [
                Path.of(System.getProperty('java.home'), 'bin', 'java').toString(),
                // as the ./relengine launcher starts it
                '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC',
                '-cp', System.getProperty('java.class.path')] + ((options.main ?: MAIN) as List<String>) +
                (args as List<String>)
        Result result = exec(command, dir, env, (options.timeout ?: TIMEOUT_SECONDS) as long)
        result.command = args as List<String>
        result
    }

    /**
     * The command line that runs relengine in a fresh JVM, as {@link #run} starts it, with the base environment
     * to give it: for a spec that runs it inside a shell of its own (a mount namespace with a small file system).
     */
    static List<String> command(String... args) {
        [Path.of(System.getProperty('java.home'), 'bin', 'java').toString(), '-XX:TieredStopAtLevel=1',
         '-XX:+UseSerialGC', '-cp', System.getProperty('java.class.path')] + MAIN + (args as List<String>)
    }

    /** The environment {@link #run} gives relengine, with {@code env} on top. */
    static Map<String, String> environment(Map<String, String> env = [:]) {
        Map<String, String> all = new LinkedHashMap<String, String>(BASE_ENV)
        all.putAll(env)
        all
    }

    /**
     * Starts relengine without waiting, as the leader of its own process group (under {@code setsid}), with
     * its output going to {@code log}: for specs that kill a run part-way, the way a crash or an operator's
     * {@code kill -9} would, children and all ({@link #killGroup}). {@code under} as for {@link #run(Map, String[])}.
     */
    static Process start(Map options, Path log, String... args) {
        Map<String, String> env = new LinkedHashMap<String, String>(BASE_ENV)
        env.putAll((options.env ?: [:]) as Map<String, String>)
        List<String> command = ['setsid'] + ((options.under ?: []) as List<String>) + [
                Path.of(System.getProperty('java.home'), 'bin', 'java').toString(),
                '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC',
                '-cp', System.getProperty('java.class.path'),
                'org.relengine.cli.Main'] + (args as List<String>)
        ProcessBuilder builder = new ProcessBuilder(command).directory(((options.dir ?: ROOT) as Path).toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile())
        withEnvironment(builder, env)
        Process process = builder.start()
        process.outputStream.close()
        process
    }

    /** {@code env} on top of the caller's environment; a null value removes a variable. */
    private static void withEnvironment(ProcessBuilder builder, Map<String, String> env) {
        env.each { String name, String value ->
            if (value == null) {
                builder.environment().remove(name)
            } else {
                builder.environment().put(name, value)
            }
        }
    }

    /**
     * What to run the JVM under for a umask of 000, as a careless shell or CI job sets it: {@code sh} sets the
     * umask, then replaces itself with the JVM.
     */
    static final List<String> UMASK_000 = ['sh', '-c', 'umask 000; exec "$0" "$@"']

    /** SIGKILL to the process group a {@link #start}ed run leads: relengine and every tool it runs. */
    static void killGroup(Process process) {
        ProcessGroup.kill(process.toHandle())
        process.waitFor(30, TimeUnit.SECONDS)
    }

    /**
     * Runs any command as a process: {@code env} on top of the caller's environment (a null value removes a
     * variable), stdin closed, stdout and stderr read fully and concurrently, at most {@link #TIMEOUT_SECONDS}.
     */
    static Result exec(List<String> command, Path dir = ROOT, Map<String, String> env = [:],
                       long timeoutSeconds = TIMEOUT_SECONDS) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
        withEnvironment(builder, env)
        Process process = builder.start()
        process.outputStream.close()    // no input: stdin at end of file, and not a terminal
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync { process.inputStream.readAllBytes() }
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync { process.errorStream.readAllBytes() }
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach { ProcessHandle p -> p.destroyForcibly() }
            process.destroyForcibly()
            throw new AssertionError("${command.join(' ')} did not finish within ${timeoutSeconds} s" as Object)
        }
        new Result(command: command, dir: dir, exitCode: process.exitValue(),
                stdoutBytes: out.get(10, TimeUnit.SECONDS), stderrBytes: err.get(10, TimeUnit.SECONDS))
    }

    /**
     * Copies a shipped recipe into {@code dir} with each replacement applied; each {@code from} must occur
     * exactly once, so that a change to the recipe cannot silently turn a test into a no-op.
     */
    static Path copyRecipe(Path dir, String recipe, Map<String, String> replacements = [:], String as = recipe) {
        String text = Files.readString(RECIPES.resolve(recipe), StandardCharsets.UTF_8)
        replacements.each { String from, String to ->
            int count = text.count(from)
            if (count != 1) {
                throw new IllegalArgumentException("`$from` occurs $count times in $recipe, not once")
            }
            text = text.replace(from, to)
        }
        Path copy = dir.resolve(as)
        Files.createDirectories(copy.parent)
        Files.writeString(copy, text, StandardCharsets.UTF_8)
        copy
    }

    /**
     * A Peridot source of empty repositories, one per arch, as {@code <dir>/<project>/repo/hashed-<repo>/<arch>}:
     * its URL, for {@code source peridot, url: …, project: PROJECT, hashed: true}.
     */
    static String emptyPeridot(Path dir, String project, String repo, List<String> arches) {
        arches.each { arch ->
            Path tree = Files.createDirectories(dir.resolve("$project/repo/hashed-$repo/$arch"))
            def made = exec(['createrepo_c', '-q', tree.toString()])
            assert made.exitCode == 0: made.stderr
        }
        dir.toUri().toString().replaceAll('/$', '')
    }

    /** Writes a recipe of its own into {@code dir}. */
    static Path writeRecipe(Path dir, String name, String text) {
        Path file = dir.resolve(name)
        Files.createDirectories(file.parent)
        Files.writeString(file, text, StandardCharsets.UTF_8)
        file
    }

    @ToString(includes = ['command', 'exitCode', 'stdout', 'stderr'], includeNames = true)
    static final class Result {
        List<String> command
        Path dir
        int exitCode
        byte[] stdoutBytes
        byte[] stderrBytes

        String getStdout() {
            new String(stdoutBytes, StandardCharsets.UTF_8)
        }

        String getStderr() {
            new String(stderrBytes, StandardCharsets.UTF_8)
        }

        List<String> getStdoutLines() {
            stdout.readLines()
        }

        List<String> getStderrLines() {
            stderr.readLines()
        }

        /** The diagnostic header lines ({@code file:line:col: error: …}) of a text report. */
        static List<String> diagnosticLines(String text) {
            text.readLines().findAll { String line -> line ==~ /.+:\d+:\d+: (error|warning): .+/ }
        }

        /** The stack-trace markers found in either stream; empty when there are none. */
        List<String> getStackTraceMarkers() {
            STACK_TRACE_MARKERS.findAll { String marker -> stdout.contains(marker) || stderr.contains(marker) }
        }
    }
}
