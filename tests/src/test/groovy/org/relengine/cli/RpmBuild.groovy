package org.relengine.cli

import groovy.transform.CompileStatic
import java.nio.file.Files
import java.nio.file.Path

/**
 * Tiny real packages, built with rpmbuild from a spec file written on the spot: a binary package of one file,
 * with optional subpackages (a {@code -debuginfo} and a {@code -debugsource}, as a debug tree holds them), its
 * source package, and optionally a payload of random, incompressible bytes to make a package large.
 */
@CompileStatic
final class RpmBuild {

    private RpmBuild() {
    }

    /**
     * Builds {@code name-version-release} in its own top directory under {@code work} (so that a rebuild of the
     * same NEVRA with other content does not overwrite an earlier one).
     *
     * @param options {@code release} (default {@code 1.el9}); {@code arch} (default {@code noarch});
     *                {@code content}: what the package's one file holds (default the version);
     *                {@code randomBytes}: the size of an extra file of random bytes (default none);
     *                {@code subpackages}: suffixes of subpackages, e.g. {@code ['debuginfo', 'debugsource']};
     *                {@code build}: a name for the top directory, to tell rebuilds apart (default {@code 1})
     * @return the binary packages built, by file name, and the source package under {@code 'src'}
     */
    static Map<String, Path> build(Map options = [:], Path work, String name, String version) {
        String release = options.release ?: '1.el9'
        String arch = options.arch ?: 'noarch'
        String content = options.content ?: version
        long randomBytes = (options.randomBytes ?: 0L) as long
        List<String> subpackages = (options.subpackages ?: []) as List<String>
        Path top = work.resolve("rpmbuild/$name-$version-$release.$arch-${options.build ?: 1}")
        Files.createDirectories(top)
        StringBuilder spec = new StringBuilder("""\
Name: $name
Version: $version
Release: $release
Summary: $name, a package of relengine's sync specs
License: MIT
BuildArch: $arch
%global debug_package %{nil}
%global _build_id_links none
%description
A package of relengine's sync specs.
""")
        subpackages.each { String suffix ->
            spec << """%package $suffix
Summary: $name-$suffix, a package of relengine's sync specs
%description $suffix
The $suffix of $name.
"""
        }
        spec << """%install
mkdir -p %{buildroot}/usr/share/$name
echo '$content' > %{buildroot}/usr/share/$name/content
"""
        if (randomBytes > 0) {
            spec << "head -c $randomBytes /dev/urandom > %{buildroot}/usr/share/$name/random\n"
        }
        subpackages.each { String suffix ->
            spec << "mkdir -p %{buildroot}/usr/share/$name-$suffix\necho '$content' > %{buildroot}/usr/share/$name-$suffix/content\n"
        }
        spec << "%files\n/usr/share/$name/content\n"
        if (randomBytes > 0) {
            spec << "/usr/share/$name/random\n"
        }
        subpackages.each { String suffix ->
            spec << "%files $suffix\n/usr/share/$name-$suffix/content\n"
        }
        Path specFile = top.resolve("${name}.spec")
        Files.writeString(specFile, spec.toString())
        // random bytes do not compress: store them as they are rather than spend time on it
        Cli.Result made = Cli.exec(['rpmbuild', '-ba', '--define', "_topdir $top".toString(),
                                    '--define', '_binary_payload w1.gzdio', '--define', '_source_payload w1.gzdio',
                                    specFile.toString()], work, [:], 300)
        assert made.exitCode == 0: made.stderr
        Map<String, Path> built = [:]
        ([''] + subpackages.collect { '-' + it }).each { String suffix ->
            Path rpm = top.resolve("RPMS/$arch/$name$suffix-$version-${release}.${arch}.rpm")
            assert Files.isRegularFile(rpm)
            built[rpm.fileName.toString()] = rpm
        }
        Path srpm = top.resolve("SRPMS/$name-$version-${release}.src.rpm")
        assert Files.isRegularFile(srpm)
        built.src = srpm
        built
    }
}
