package org.relengine.effects;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.relengine.plan.ShellQuote;

/**
 * The dry run's effects: each one is printed, in order, as it would happen — commands shell-quoted so
 * they can be pasted into a shell — and recorded. Nothing is changed, nothing is run, no connection is
 * opened.
 */
public final class RecordingEffects implements Effects {

    /** One recorded effect: its type and the printed line. */
    public record Recorded(String type, String line) {
    }

    private final PrintWriter out;
    private final List<Recorded> recorded = new ArrayList<>();

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
