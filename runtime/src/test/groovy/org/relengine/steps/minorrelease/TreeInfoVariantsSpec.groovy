package org.relengine.steps.minorrelease

import java.nio.file.Files
import java.nio.file.Path
import org.relengine.formats.IniSections
import org.relengine.plan.spi.TaskFailure
import org.relengine.steps.Ops
import spock.lang.Specification
import spock.lang.TempDir

/**
 * treeinfoModder and treeinfoModderKickstart: an install tree's .treeinfo names the AppStream variant with the
 * paths of its trees of the same kind, written as Python's configparser writes it, and kept as .treeinfo-pristine.
 */
class TreeInfoVariantsSpec extends Specification {

    @TempDir Path dir

    static final String PUNGI = '''[general]
; WARNING.0 = This section provides compatibility with pre-productmd treeinfos.
arch = x86_64
variants = BaseOS

[header]
type = productmd.treeinfo
version = 1.2

[tree]
arch = x86_64
variants = BaseOS

[variant-BaseOS]
id = BaseOS
packages = Packages
repository = .

'''

    static final String OS = '''[general]
arch = x86_64
variants = BaseOS

[header]
type = productmd.treeinfo
version = 1.2

[tree]
arch = x86_64
variants = BaseOS,AppStream

[variant-BaseOS]
id = BaseOS
packages = Packages
repository = .

[variant-AppStream]
id = AppStream
name = AppStream
type = variant
uid = AppStream
packages = ../../../AppStream/x86_64/os/Packages
repository = ../../../AppStream/x86_64/os/

'''

    Path tree(String kind, String treeinfo) {
        Path tree = dir.resolve(kind)
        Files.createDirectories(tree)
        Files.writeString(tree.resolve('.treeinfo'), treeinfo)
        tree
    }

    void apply(Path tree, String kind) {
        Ops.run('add-treeinfo-variants', [tree: tree.toString(), arch: 'x86_64', kind: kind, variants: 'AppStream'],
                new PrintWriter(new StringWriter()), dir)
    }

    def "an os tree's .treeinfo gets the variant, loses its comments as configparser drops them, and is kept as pristine"() {
        given:
        Path os = tree('os', PUNGI)

        when:
        apply(os, 'os')

        then:
        Files.readString(os.resolve('.treeinfo')) == OS
        Files.readString(os.resolve('.treeinfo-pristine')) == OS
    }

    def "an os tree that names the variant already is left byte for byte as it was"() {
        given:
        String named = OS.replace('[general]\n', '[general]\n# a comment configparser would drop\n')
        Path os = tree('os', named)

        when:
        apply(os, 'os')

        then:
        Files.readString(os.resolve('.treeinfo')) == named
        Files.readString(os.resolve('.treeinfo-pristine')) == named
    }

    def "a kickstart tree copied from an os tree that names the variant has it pointed at the kickstart trees"() {
        given:
        Path kickstart = tree('kickstart', OS)

        when:
        apply(kickstart, 'kickstart')

        then:
        Files.readString(kickstart.resolve('.treeinfo')) == OS.replace('/x86_64/os/', '/x86_64/kickstart/')
    }

    def "#what is a task failure naming the file"() {
        given:
        Path os = tree('os', text)

        when:
        apply(os, 'os')

        then:
        TaskFailure failure = thrown()
        failure.message == "${os.resolve('.treeinfo')} $message".toString()
        !Files.exists(os.resolve('.treeinfo-pristine'))

        where:
        what                  | text                          || message
        'no [tree] section'   | '[header]\nversion = 1.2\n'   || 'has no [tree] section: it is not a productmd .treeinfo'
        'a line that is none' | '[tree]\nvariants\n'          || 'is not an INI file: line 2 is not `[section]` or `key = value`: variants'
    }

    def "configparser's reading: keys lower-cased, values trimmed, ':' as a delimiter, continuation lines kept"() {
        when:
        def ini = IniSections.parse('[tree]\nArch : x86_64\nvariants=BaseOS\nnote = one\n  two\n')

        then:
        ini.text() == '[tree]\narch = x86_64\nvariants = BaseOS\nnote = one\n\ttwo\n\n'
    }
}
