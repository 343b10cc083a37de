package org.relengine.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The rpm spec file of one repo's demo packages: the package {@code name} with its debuginfo, and
 * {@code packages - 1} more as subpackages of the same spec ({@code name-0001} …), each with a tiny file of
 * its own. One {@code rpmbuild -bb} per arch builds them all: a thousand packages cost one rpmbuild, not a
 * thousand.
 *
 * @param name     the first package's name, e.g. {@code demo-baseos}
 * @param repo     the repository it is built for, named in the summaries and files
 * @param dist     the release's dist tag, e.g. {@code el9}
 * @param packages how many binary packages (not counting debuginfo), 1 or more
 * @param requires the first package's {@code Requires:} lines, empty or ending in a line break
 */
public record RepoSpecFile(String name, String repo, String dist, int packages, String requires) {

    public RepoSpecFile {
        if (packages < 1) {
            throw new IllegalArgumentException("a spec builds at least one package, not " + packages);
        }
    }

    /** The binary packages it builds, the first package first, debuginfo left out. */
    public List<String> packageNames() {
        List<String> names = new ArrayList<>(packages);
        names.add(name);
        for (int i = 1; i < packages; i++) {
            names.add(extra(i));
        }
        return names;
    }

    public String text() {
        String file = name.replace("demo-", "");
        StringBuilder text = new StringBuilder("Name: " + name + "\nVersion: 1.0\nRelease: 1." + dist + "\n"
                + "Summary: relengine demo package of " + repo + " (synthetic)\nLicense: MIT\n" + requires
                + "%description\nA tiny package built by relengine demo for the " + repo + " repository.\n"
                + "%package debuginfo\nSummary: Debug information for " + name + "\n"
                + "%description debuginfo\nDebug information for " + name + " (synthetic).\n");
        for (int i = 1; i < packages; i++) {
            text.append("%package -n ").append(extra(i)).append("\nSummary: relengine demo package ").append(i + 1)
                    .append(" of ").append(repo).append(" (synthetic)\n%description -n ").append(extra(i))
                    .append("\nA tiny package built by relengine demo for the ").append(repo)
                    .append(" repository.\n");
        }
        // one shell line per file would make a spec of 20,000 packages a 20,000-line %install: a loop it is
        text.append("%install\nmkdir -p %{buildroot}/usr/share/relengine-demo %{buildroot}/usr/lib/debug/relengine-demo\n"
                + "echo '").append(repo).append(" %{_target_cpu}' > %{buildroot}/usr/share/relengine-demo/")
                .append(file).append(".txt\n");
        if (packages > 1) {
            // %% is rpm's way of writing %
            text.append("for i in $(seq -f '%%0").append(width()).append(".0f' 1 ").append(packages - 1).append("); do ")
                    .append("echo \"").append(repo).append(" $i %{_target_cpu}\" > %{buildroot}/usr/share/relengine-demo/")
                    .append(file).append("-$i.txt; done\n");
        }
        text.append("echo debug > %{buildroot}/usr/lib/debug/relengine-demo/").append(file).append(".debug\n")
                .append("%files\n/usr/share/relengine-demo/").append(file).append(".txt\n")
                .append("%files debuginfo\n/usr/lib/debug/relengine-demo/").append(file).append(".debug\n");
        for (int i = 1; i < packages; i++) {
            text.append("%files -n ").append(extra(i)).append("\n/usr/share/relengine-demo/").append(file).append('-')
                    .append(number(i)).append(".txt\n");
        }
        return text.toString();
    }

    private String extra(int i) {
        return name + "-" + number(i);
    }

    /** Zero-padded to one width, so that the packages list in order: 0001 … 0165, or 00001 … 19999. */
    private String number(int i) {
        return String.format("%0" + width() + "d", i);
    }

    private int width() {
        return Math.max(4, Integer.toString(packages - 1).length());
    }
}
