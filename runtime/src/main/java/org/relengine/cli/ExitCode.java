package org.relengine.cli;

/** The exit statuses of every command; docs/cli.md documents them and other tools depend on them. */
public final class ExitCode {

    /** Success; for {@code plan}: nothing to do. */
    public static final int OK = 0;
    /** The recipe has errors, or the command could not do its work. */
    public static final int ERRORS = 1;
    /** {@code plan}: there are tasks to run. */
    public static final int TASKS_TO_RUN = 2;
    /** {@code run}/{@code apply}: a required task failed. */
    public static final int TASK_FAILED = 3;
    /** The command line itself is wrong: unknown option, missing argument (sysexits' EX_USAGE). */
    public static final int USAGE = 64;
    /** A defect in relengine itself; the message asks for a report (sysexits' EX_SOFTWARE). */
    public static final int INTERNAL = 70;

    private ExitCode() {
    }
}
