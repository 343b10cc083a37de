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
        argv.addAll(List.of("--variant=" + options.variant(), "--nomacboot", "--buildarch=" + arch,
                "--volid=" + release.volumeId(arch, "dvd"), "--logfile=" + buildDir + "/" + log(arch),
                "--rootfs-size=" + options.rootfsSize(), buildDir + "/lorax"));
        return argv;
    }

    public static String log(String arch) {
        return "lorax-" + arch + ".log";
    }

    public static String tarball(Release release, String arch) {
        return "lorax-" + release.version() + "-" + arch + ".tar.gz";
    }
}
