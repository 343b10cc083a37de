package org.relengine.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.relengine.plan.Plan;

/**
 * Finds the compose {@code --resume} continues: of the composes of this release next to where a new one
 * would go ({@code /mnt/compose/9/Rocky-9.7-YYYYMMDD.HHMMSS}), the latest that has a journal.
 */
final class ResumableCompose {

    private ResumableCompose() {
    }

    /** The date stamp of the latest compose with a journal, for a plan made with {@code stamp}. */
    static Optional<String> latestStamp(Plan plan, String stamp) throws IOException {
        Path dir = Path.of(plan.composeDir());
        String name = dir.getFileName().toString();
        int at = name.lastIndexOf(stamp);
        if (at < 0 || dir.getParent() == null || !Files.isDirectory(dir.getParent())) {
            return Optional.empty();
        }
        Pattern pattern = Pattern.compile(Pattern.quote(name.substring(0, at)) + "(\\d{8}\\.\\d{6})"
                + Pattern.quote(name.substring(at + stamp.length())));
        try (Stream<Path> siblings = Files.list(dir.getParent())) {
            return siblings.filter(p -> Files.isRegularFile(p.resolve("work/journal")))
                    .map(p -> pattern.matcher(p.getFileName().toString()))
                    .filter(java.util.regex.Matcher::matches)
                    .map(m -> m.group(1))
                    .max(String::compareTo);
        }
    }

    /**
     * The plan of the compose to resume: {@code planned} re-planned with the latest existing compose's stamp,
     * or, when there is none, the error printed and the exit code to stop with.
     */
    static RecipePlanning.Planned replan(RecipePlanning.Planned planned, Path recipe, PlanningOptions planning,
                                         String stamp, java.io.PrintWriter err) throws IOException {
        Optional<String> earlier = latestStamp(planned.plan(), stamp);
        if (earlier.isEmpty()) {
            err.println("relengine: nothing to resume: there is no compose " + where(planned.plan(), stamp)
                    + " with a journal");
            err.println("  hint: run without --resume to start one");
            return new RecipePlanning.Planned(null, planned.loaded(), ExitCode.ERRORS);
        }
        // the recipe as it was read for the plan being resumed: read again, it could have changed in between
        return RecipePlanning.plan(planned.loaded(), recipe, planning, earlier.get(), err);
    }

    /** Where a new compose would go, with the stamp left open, for messages. */
    static String where(Plan plan, String stamp) {
        return plan.composeDir().replace(stamp, "YYYYMMDD.HHMMSS");
    }
}
