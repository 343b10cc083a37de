package org.relengine.effects;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.relengine.plan.OperationKey;
import org.relengine.plan.ProducerKey;
import org.relengine.plan.ShellQuote;
import org.relengine.plan.spi.Catalog;
import org.relengine.plan.spi.Probe;
import org.relengine.plan.spi.TaskFailure;

/**
 * The dry run's effects: each one is printed, in order, as it would happen — commands shell-quoted so
 * they can be pasted into a shell — and recorded. Nothing is changed and no connection is opened; the only
 * processes run are the read-only probes (rsync's own dry run of a publish sync), whose results are printed
 * under them and kept.
 */
public final class RecordingEffects implements Effects {

    /** One recorded effect: its type and the printed line. */
    public record Recorded(String type, String line) {
    }

    private final PrintWriter out;
    private final List<Recorded> recorded = new ArrayList<>();
    private final List<Probe.Result> previews = new ArrayList<>();
    private final Catalog catalog;

    /** @param catalog where the probes a dry run performs are found */
    public RecordingEffects(PrintWriter out, Catalog catalog) {
        this.out = out;
        this.catalog = catalog;
    }

    @Override
    public int exec(String task, List<String> argv, String stdout) {
        record("exec", "$ " + ShellQuote.join(argv));
        if (stdout != null) {
            // on a line of its own: the command line above stays exactly the argv that runs
            out.println("      (standard output to " + stdout + ")");
        }
        return 0;
    }

    @Override
    public int remote(String task, String description, String document, RemoteWork work) {
        record("remote", "# " + description);
        document.lines().forEach(line -> out.println("      " + line));
        return 0;
    }

    @Override
    public void makeDirectory(String task, String path) {
        record("mkdir", "mkdir -p " + ShellQuote.quote(path));
    }

    @Override
    public void writeFile(String task, String path, ProducerKey producer, String content, Map<String, String> params) {
        String size = content == null ? "" : ", " + content.lines().count() + " lines";
        record("write", "write " + ShellQuote.quote(path) + "  (" + producer.description() + size + ")");
    }

    @Override
    public void symlink(String task, String link, String target) {
        record("symlink", "ln -sfn " + ShellQuote.quote(target) + " " + ShellQuote.quote(link));
    }

    @Override
    public void note(String task, String line) {
        record("note", "# " + line);
    }

    @Override
    public void internal(String task, OperationKey operation, String description, List<String> paths,
                         Map<String, String> params) {
        record("internal", "# " + description);
    }

    @Override
    public void probe(String task, OperationKey operation, String description, Map<String, String> params) {
        record("probe", "? " + description);
        try {
            Probe.Result preview = catalog.probe(operation).run(task, params);
            previews.add(preview);
            preview.summary().forEach(line -> out.println("      " + line));
        } catch (IOException | TaskFailure e) {
            out.println("      no preview: " + e.getMessage());
        }
    }

    /** The previews made, in order. */
    public List<Probe.Result> previews() {
        return List.copyOf(previews);
    }

    private void record(String type, String line) {
        recorded.add(new Recorded(type, line));
        out.println("    " + line);
    }

    public List<Recorded> recorded() {
        return List.copyOf(recorded);
    }

    public long count(String type) {
        return recorded.stream().filter(r -> r.type().equals(type)).count();
    }
}
