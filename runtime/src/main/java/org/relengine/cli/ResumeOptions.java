package org.relengine.cli;

import picocli.CommandLine.Option;

/** How a real run treats an earlier, unfinished run of the same compose and the locks it left. */
final class ResumeOptions {

    @Option(names = "--resume", description = "Continue the latest compose of this release: tasks that finished "
            + "with the same ingredients are reused, the rest run.")
    boolean resume;

    @Option(names = "--break-lock", description = "Take over a lock held by a run on another host, which cannot be "
            + "checked from here. A lock whose run died on this host is taken over without it.")
    boolean breakLock;
}
