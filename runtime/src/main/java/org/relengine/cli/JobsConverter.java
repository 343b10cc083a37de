package org.relengine.cli;

import picocli.CommandLine;

/** How many tasks run at the same time: 1 or more, since 0 would wait for ever with nothing running. */
final class JobsConverter implements CommandLine.ITypeConverter<Integer> {

    /** More than any machine runs usefully at once; a typo of an extra digit or two is caught. */
    static final int MOST = 1024;

    @Override
    public Integer convert(String value) {
        int jobs;
        try {
            jobs = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            jobs = 0;
        }
        if (jobs < 1 || jobs > MOST) {
            throw new CommandLine.TypeConversionException("`" + value + "` is not a number of tasks: give 1 to "
                    + MOST);
        }
        return jobs;
    }
}
