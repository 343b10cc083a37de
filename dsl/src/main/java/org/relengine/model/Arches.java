package org.relengine.model;

import java.util.List;

/** The architecture names relengine knows, in the spelling of RPM and the compose tree. */
public final class Arches {

    public static final List<String> KNOWN = List.of(
            "x86_64", "aarch64", "ppc64le", "s390x", "i686", "riscv64", "armv7hl");

    private Arches() {
    }

    public static boolean isKnown(String arch) {
        return KNOWN.contains(arch);
    }
}
