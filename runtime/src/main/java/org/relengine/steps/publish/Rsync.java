package org.relengine.steps.publish;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relengine.formats.FileModes;

/** rsync invocations of the publish steps: archive mode with hard links, never a shell string. */
public final class Rsync {

    /** What a promote keeps for its grace period: old repodata files, but never a repomd.xml staging lost. */
    static final List<String> KEEP_OLD_REPODATA = List.of("--filter=risk repodata/repomd.xml*",
            "--filter=protect repodata/*");

    private Rsync() {
    }

    /**
     * One sync of a tree into another: what it may delete, what it never touches ({@code exclude}), what it
     * copies but never deletes ({@code protect}), and whether old repodata files survive it.
     */
    public record Sync(String from, String to, String chown, boolean delete, List<String> exclude,
                       List<String> protect, boolean keepOldRepodata) {

        public Sync {
            exclude = List.copyOf(exclude);
            protect = List.copyOf(protect);
        }

        /**
         * The sync itself, with {@code extra} options (e.g. {@code --delete-after}) before the filters. Every
         * directory it publishes is 0755 and every file 0644, whatever the modes in the source: a compose made
         * under {@code umask 000} would otherwise reach mirrors writable by everyone.
         */
        public List<String> argv(List<String> extra) {
            List<String> argv = new ArrayList<>(List.of("rsync", "-rlptDSH", FileModes.RSYNC_CHMOD));
            if (chown != null) {
                argv.add("-og");
                argv.add("--chown=" + chown);
            }
            argv.addAll(extra);
            argv.addAll(filters());
            argv.add(from.endsWith("/") ? from : from + "/");
            argv.add(to.endsWith("/") ? to : to + "/");
            return argv;
        }

        /**
         * rsync's read-only dry run of the same sync, one itemized line per change. Ownership is left out:
         * it is not what a preview is about, and an unprivileged dry run could not judge it. Modes are: the
         * preview gives the sync's own {@code --chmod}, or every file of a source with other modes would be
         * counted as changed.
         */
        public List<String> previewArgv() {
            List<String> argv = new ArrayList<>(List.of("rsync", "-rlptDSH", FileModes.RSYNC_CHMOD, "--dry-run",
                    "--itemize-changes", "--out-format=%i %n"));
            argv.addAll(filters());
            argv.add(from.endsWith("/") ? from : from + "/");
            argv.add(to.endsWith("/") ? to : to + "/");
            return argv;
        }

        /** The delete flag and filter rules, in the order rsync applies them (the first match wins). */
        private List<String> filters() {
            List<String> filters = new ArrayList<>();
            if (delete) {
                filters.add("--delete");
            }
            exclude.forEach(e -> filters.add("--exclude=" + e));
            if (delete) {
                protect.forEach(p -> filters.add("--filter=protect " + p));
                if (keepOldRepodata) {
                    filters.addAll(KEEP_OLD_REPODATA);
                }
            }
            return filters;
        }

        /** As parameters of the operations that look at it (publish guard, preview). */
        public Map<String, String> params() {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("compose", from);
            p.put("target", to);
            p.put("delete", String.valueOf(delete));
            p.put("exclude", String.join(",", exclude));
            p.put("protect", String.join(",", protect));
            if (keepOldRepodata) {
                p.put("keepOldRepodata", "true");
            }
            return p;
        }

        public static Sync of(Map<String, String> p) {
            return new Sync(p.get("compose"), p.get("target"), null, Boolean.parseBoolean(p.get("delete")),
                    list(p.get("exclude")), list(p.get("protect")), Boolean.parseBoolean(p.get("keepOldRepodata")));
        }

        private static List<String> list(String joined) {
            return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
        }
    }

    public static List<String> argv(String from, String to, String chown, boolean delete, List<String> excludes,
                                    List<String> protect, List<String> extra) {
        return new Sync(from, to, chown, delete, excludes, protect, false).argv(extra);
    }
}
