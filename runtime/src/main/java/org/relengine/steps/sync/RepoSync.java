package org.relengine.steps.sync;

import java.util.ArrayList;
import java.util.List;

/** {@code dnf reposync} of one repo tree, as Rocky's sync units run it. */
public final class RepoSync {

    private RepoSync() {
    }

    /** @param forceArch the arch to sync as, or null for source trees */
    public static List<String> argv(String config, int releasever, String repoId, String target, String forceArch,
                                    boolean gpgcheck, boolean delete) {
        List<String> argv = new ArrayList<>(List.of("dnf", "reposync", "-c", config, "--releasever=" + releasever,
                "--download-metadata",
                "--repoid=" + repoId, "-p", target));
        if (forceArch != null) {
            argv.add("--forcearch");
            argv.add(forceArch);
        }
        argv.addAll(List.of("--norepopath", "--remote-time"));
        if (gpgcheck) {
            argv.add("--gpgcheck");
        }
        argv.add("--assumeyes");
        if (delete) {
            argv.add("--delete");
        }
        return argv;
    }
}
