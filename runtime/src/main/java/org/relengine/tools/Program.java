package org.relengine.tools;

import java.util.List;

/**
 * An external program relengine runs, and where it comes from on each package manager.
 *
 * @param name      how plans and people call it: {@code rsync}, or {@code dnf reposync} for a dnf plugin command
 * @param probe     the command that shows it works (and prints its version)
 * @param apt       its Debian/Ubuntu package, or null when Debian has none
 * @param dnf       its Rocky/Fedora package
 * @param noApt     why Debian has none, when {@code apt} is null
 * @param usedFor   what relengine uses it for, in a few words
 * @param tests     relengine's own test suite runs it
 */
public record Program(String name, List<String> probe, String apt, String dnf, String noApt, String usedFor,
                      boolean tests) {

    public Program {
        probe = List.copyOf(probe);
        if (apt == null && (noApt == null || noApt.isBlank())) {
            throw new IllegalArgumentException(name + ": a program without a Debian package must say why");
        }
    }

    /** Its package on {@code manager}, or null when that manager has none. */
    public String packageOn(PackageManager manager) {
        return manager == PackageManager.APT ? apt : dnf;
    }
}
