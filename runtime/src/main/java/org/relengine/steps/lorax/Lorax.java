package org.relengine.steps.lorax;

import java.util.ArrayList;
import java.util.List;
import org.relengine.model.Release;

/** The lorax invocation that builds one arch's boot image, as Rocky's build-iso runs it in mock. */
public final class Lorax {

    private Lorax() {
    }

    /** Where lorax builds inside a mock chroot, a container or a Job's pod, as Rocky's build-iso has it. */
    public static final String BUILDDIR = "/builddir";

    /** The templates lorax uses where lorax-templates-rhel is installed, as in the toolkit's image. */
    public static final String TEMPLATES = "/usr/share/lorax/templates.d/80-rhel";

    /** @param buildDir where lorax writes its tree and log: {@link #BUILDDIR} elsewhere, the work tree here */
    public static List<String> argv(Release release, org.relengine.model.Lorax options, List<String> sources,
                                    String arch, String buildDir) {
        List<String> argv = new ArrayList<>(List.of("lorax", "--product=" + release.name(),
                "--version=" + release.version(), "--release=" + release.version()));
        if (!release.rcInImageNames()) {
            argv.add("--isfinal");
        }
        for (String source : sources) {
            argv.add("--source=" + source);
        }
        if (options.squashfsOnly()) {
            argv.add("--squashfs-only");
        }
        if (release.bugUrl() != null) {
            argv.add("--bugurl=" + release.bugUrl());
        }
        if (!options.removes().isEmpty()) {
            argv.add("--sharedir=" + templates(buildDir));
        }
        argv.addAll(List.of("--variant=" + options.variant(), "--nomacboot", "--buildarch=" + arch,
                "--volid=" + release.volumeId(arch, "dvd"), "--logfile=" + buildDir + "/" + log(arch),
                "--rootfs-size=" + options.rootfsSize(), buildDir + "/lorax"));
        return argv;
    }

    /** The recipe's more sources for one arch ({@code lorax sources:}), {@code {arch}} and {@code {major}} filled in. */
    public static List<String> moreSources(org.relengine.model.Lorax options, int major, String arch) {
        return options.sources().stream().map(s -> s.replace("{arch}", arch).replace("{major}", String.valueOf(major)))
                .toList();
    }

    /** The build's own copy of the templates, when the recipe removes packages from them. */
    public static String templates(String buildDir) {
        return buildDir + "/templates";
    }

    /**
     * The commands that make the build's own copy of the templates with every line naming a removed package
     * commented out, as the toolkit's build-iso comments them out of its image's copy; lorax then reads the copy
     * ({@code --sharedir}), and the templates of the machine lorax runs on stay as they are.
     */
    public static List<List<String>> templateCopy(List<String> removes, String buildDir) {
        String copy = templates(buildDir);
        List<String> sed = new ArrayList<>(List.of("sed", "-i"));
        for (String removed : removes) {
            sed.addAll(List.of("-e", "/" + literal(removed) + "/ s/^/#/"));
        }
        sed.add(copy + "/runtime-install.tmpl");
        return List.of(List.of("rm", "-rf", copy), List.of("cp", "-a", TEMPLATES, copy), sed);
    }

    /** A package name as a sed regular expression that matches only itself. */
    static String literal(String name) {
        return name.replaceAll("([.\\[\\]*^$\\\\/])", "\\\\$1");
    }

    public static String log(String arch) {
        return "lorax-" + arch + ".log";
    }

    public static String tarball(Release release, String arch) {
        return "lorax-" + release.version() + "-" + arch + ".tar.gz";
    }
}
