package org.relengine.steps.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code dnf repoclosure} of one repo on one arch against the repos it depends on. */
public final class RepoClosure {

    /** The package arches each arch's closure considers (x86_64 also accepts 32-bit packages). */
    private static final Map<String, List<String>> ARCH_FLAGS = Map.of(
            "x86_64", List.of("x86_64", "athlon", "i686", "i586", "i486", "i386", "noarch"),
            "aarch64", List.of("aarch64", "noarch"),
            "ppc64le", List.of("ppc64le", "noarch"),
            "s390x", List.of("s390x", "noarch"),
            "i686", List.of("i686", "i586", "i486", "i386", "noarch"));

    private RepoClosure() {
    }

    /** @param trees repo name → os tree path; the first entry is the repo checked */
    public static List<String> argv(String config, int releasever, String arch, Map<String, String> trees) {
        List<String> argv = new ArrayList<>(List.of("dnf", "repoclosure", "-c", config, "--releasever=" + releasever,
                "--forcearch=" + arch));
        for (String a : ARCH_FLAGS.getOrDefault(arch, List.of("noarch"))) {
            argv.add("--arch=" + a);
        }
        boolean first = true;
        for (Map.Entry<String, String> tree : trees.entrySet()) {
            argv.add("--repofrompath=" + tree.getKey() + ",file://" + tree.getValue());
            argv.add("--repo=" + tree.getKey());
            if (first) {
                argv.add("--check=" + tree.getKey());
                first = false;
            }
        }
        return argv;
    }
}
