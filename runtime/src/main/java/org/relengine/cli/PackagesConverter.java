package org.relengine.cli;

import picocli.CommandLine;

/** How many packages each repo of the demo has: 1 or more, and few enough to be built in minutes. */
final class PackagesConverter implements CommandLine.ITypeConverter<Integer> {

    /** More than any repo of an EL release holds (a few thousand): an extra digit is caught before hours of rpmbuild. */
    static final int MOST = 20_000;

    @Override
    public Integer convert(String value) {
        int packages;
        try {
            packages = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            packages = 0;
        }
        if (packages < 1 || packages > MOST) {
            throw new CommandLine.TypeConversionException("`" + value + "` is not a number of packages per repo: "
                    + "give 1 to " + MOST);
        }
        return packages;
    }
}
