package org.relengine.effects;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.relengine.exec.TaskFailure;
import org.relengine.plan.ShellQuote;
import org.relengine.steps.Probes;
import org.relengine.steps.PublishPreview;

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
    private final List<PublishPreview> previews = new ArrayList<>();

    public RecordingEffects(PrintWriter out) {
        this.out = out;
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
    public void makeDirectory(String task, String path) {
        record("mkdir", "mkdir -p " + ShellQuote.quote(path));
    }

    @Override
    public void writeFile(String task, String path, String producer, String content, Map<String, String> params) {
        String size = content == null ? "" : ", " + content.lines().count() + " lines";
        record("write", "write " + ShellQuote.quote(path) + "  (" + producer + size + ")");
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
    public void internal(String task, String operation, String description, List<String> paths,
                         Map<String, String> params) {
        record("internal", "# " + description);
    }

    @Override
    public void probe(String task, String operation, String description, Map<String, String> params) {
        record("probe", "? " + description);
        try {
            PublishPreview preview = Probes.run(task, operation, params);
            previews.add(preview);
            preview.summary().forEach(line -> out.println("      " + line));
        } catch (IOException | TaskFailure e) {
            out.println("      no preview: " + e.getMessage());
        }
    }

    /** The previews made, in order. */
    public List<PublishPreview> previews() {
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
