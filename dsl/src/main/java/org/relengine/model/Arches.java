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

    /**
     * The arch in the spelling of Go, Kubernetes ({@code kubernetes.io/arch}) and Rocky's bucket keys
     * ({@code buildiso-9-arm64/…}): x86_64 → amd64, aarch64 → arm64, i686 → 386, armv7hl → arm; the others as
     * they are.
     */
    public static String kubernetes(String arch) {
        return switch (arch) {
            case "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            case "i686" -> "386";
            case "armv7hl" -> "arm";
            default -> arch;
        };
    }
}
