package org.relengine.tools;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every external program relengine's plans, its demo and its tests run, each with its package for apt-get
 * and for dnf: the one mapping `relengine doctor`, the demo's installer and {@code .ci/run} all read, so that
 * they cannot disagree. A plan that runs a program missing here is caught by a spec, not on a new machine.
 */
public final class ProgramCatalog {

    private static final String LORAX_ELSEWHERE = "lorax is not packaged for Debian: it runs on the release's own "
            + "OS, in mock or podman on such a host, or in a Kubernetes Job";

    /** The catalog relengine ships. */
    public static final ProgramCatalog SHIPPED = new ProgramCatalog(List.of(
            program("dnf", List.of("dnf", "--version"), "dnf", "dnf", "sync, repoclosure"),
            program("dnf reposync", List.of("dnf", "reposync", "--help"), "dnf-plugins-core", "dnf-plugins-core",
                    "sync"),
            program("dnf repoclosure", List.of("dnf", "repoclosure", "--help"), "dnf-plugins-core",
                    "dnf-plugins-core", "closure checks"),
            program("createrepo_c", List.of("createrepo_c", "--version"), "createrepo-c", "createrepo_c",
                    "the demo's packages, Rocky 8's update path"),
            program("modifyrepo_c", List.of("modifyrepo_c", "--version"), "createrepo-c", "createrepo_c",
                    "module metadata on Rocky 8's update path"),
            program("rpmbuild", List.of("rpmbuild", "--version"), "rpm", "rpm-build", "the demo's packages"),
            program("rpm", List.of("rpm", "--version"), "rpm", "rpm", "the tests' package checks"),
            program("rpmkeys", List.of("rpmkeys", "--version"), "rpm", "rpm", "the sync engine's signature checks"),
            program("xorriso", List.of("xorriso", "-version"), "xorriso", "xorriso", "boot and DVD ISOs"),
            program("implantisomd5", List.of("implantisomd5", "--help"), "isomd5sum", "isomd5sum", "DVD ISOs"),
            program("checkisomd5", List.of("checkisomd5", "--help"), "isomd5sum", "isomd5sum", "checking ISOs"),
            program("rsync", List.of("rsync", "--version"), "rsync", "rsync", "staging and production"),
            program("hardlink", List.of("hardlink", "--version"), "util-linux", "util-linux",
                    "hardlinking staging"),
            program("gpg", List.of("gpg", "--version"), "gnupg", "gnupg2", "signatures"),
            program("mktorrent", List.of("mktorrent", "-h"), "mktorrent", "mktorrent", "torrents (EPEL on Rocky)"),
            program("openssl", List.of("openssl", "version"), "openssl", "openssl",
                    "checksums of ISOs and images (without it the JDK hashes them, ten times slower)"),
            untested("tar", List.of("tar", "--version"), "tar", "tar", null, "packing lorax results"),
            untested("cp", List.of("cp", "--version"), "coreutils", "coreutils", null,
                    "lorax's own copy of its templates"),
            untested("rm", List.of("rm", "--version"), "coreutils", "coreutils", null,
                    "lorax's own copy of its templates"),
            untested("sed", List.of("sed", "--version"), "sed", "sed", null,
                    "commenting packages out of lorax's templates (lorax removes:)"),
            untested("sh", List.of("sh", "-c", "true"), "dash", "bash", null,
                    "uploading lorax results from a Kubernetes pod with the aws CLI of its image"),
            untested("lorax", List.of("lorax", "--version"), null, "lorax", LORAX_ELSEWHERE, "boot images"),
            untested("livemedia-creator", List.of("livemedia-creator", "--version"), null, "lorax-lmc-novirt",
                    LORAX_ELSEWHERE, "live images"),
            untested("ksflatten", List.of("ksflatten", "--help"), null, "pykickstart", "pykickstart is not packaged "
                    + "for Debian 12: it runs where livemedia-creator does, in mock or on a Rocky host",
                    "flattening the live images' kickstarts"),
            program("podman", List.of("podman", "--version"), "podman", "podman", "steps `on: podman`"),
            program("runc", List.of("runc", "--version"), "runc", "runc",
                    "podman's runtime where crun fails on hybrid cgroups"),
            program("debootstrap", List.of("debootstrap", "--version"), "debootstrap", "debootstrap",
                    "the demo's container image"),
            untested("mock", List.of("mock", "--version"), null, "mock", "mock is packaged for Fedora, RHEL and Rocky, "
                    + "not for Debian 12: steps `on: mock` run on such a host", "steps `on: mock`"),
            program("git", List.of("git", "--version"), "git", "git", "the tests' recipe revisions"),
            program("dot", List.of("dot", "-V"), "graphviz", "graphviz", "the tests' check of `plan --format dot`"),
            program("xmllint", List.of("xmllint", "--version"), "libxml2-utils", "libxml2",
                    "the tests' check of JUnit reports"),
            program("chromium", List.of("chromium", "--version"), "chromium", "chromium",
                    "the tests' picture of the HTML report, taken headless"),
            program("unshare", List.of("unshare", "--version"), "util-linux", "util-linux",
                    "the tests' runs without network"),
            program("setsid", List.of("setsid", "--version"), "util-linux", "util-linux",
                    "the tests' runs killed as a process group")));

    private final Map<String, Program> programs = new LinkedHashMap<>();

    public ProgramCatalog(Collection<Program> programs) {
        programs.forEach(p -> this.programs.put(p.name(), p));
    }

    /** A program the test suite runs too. */
    private static Program program(String name, List<String> probe, String apt, String dnf, String usedFor) {
        return new Program(name, probe, apt, dnf, null, usedFor, true);
    }

    /** A program only real runs need: the tests plan its steps but never start it. */
    private static Program untested(String name, List<String> probe, String apt, String dnf, String noApt,
                                    String usedFor) {
        return new Program(name, probe, apt, dnf, noApt, usedFor, false);
    }

    public List<Program> all() {
        return List.copyOf(programs.values());
    }

    public Optional<Program> find(String name) {
        return Optional.ofNullable(programs.get(name));
    }

    /** The same catalog without {@code name}: what a spec uses to show that a missing entry is caught. */
    public ProgramCatalog without(String name) {
        List<Program> rest = new ArrayList<>(programs.values());
        rest.removeIf(p -> p.name().equals(name));
        return new ProgramCatalog(rest);
    }

    /**
     * The program a command line runs, by the catalog's name: {@code dnf reposync} for dnf's plugin commands
     * (they need their own package), otherwise the program itself.
     */
    public String nameOf(List<String> argv) {
        String program = argv.get(0);
        int slash = program.lastIndexOf('/');
        program = program.substring(slash + 1);
        if (argv.size() > 1 && programs.containsKey(program + " " + argv.get(1))) {
            return program + " " + argv.get(1);
        }
        return program;
    }

    /** The names among {@code names} that the catalog does not know. */
    public List<String> unknown(Collection<String> names) {
        return names.stream().filter(n -> !programs.containsKey(n)).sorted().toList();
    }
}
