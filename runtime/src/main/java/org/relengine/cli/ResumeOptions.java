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

    @Option(names = "--verify", paramLabel = "quick|full", defaultValue = "quick", converter = VerifyConverter.class,
            description = "What --resume checks of a finished task's outputs before it reuses the task: quick "
                    + "(default: types, sizes, link targets and times; a file whose time changed is hashed) or full "
                    + "(every file whose digest was recorded is hashed).")
    String verify;

    boolean verifyFull() {
        return "full".equals(verify);
    }

    /** {@code quick} or {@code full}, nothing else. */
    static final class VerifyConverter implements picocli.CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!value.equals("quick") && !value.equals("full")) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not quick or full");
            }
            return value;
        }
    }
}
