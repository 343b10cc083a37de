package org.relengine.cli

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Shared
import spock.lang.Specification

/**
 * A publish-only recipe ({@code existing compose:}) publishes a compose relengine did not make, laid out as Pungi lays
 * it out: {@code Mini-8-updates-20251111.0} with its STATUS, COMPOSE_ID, productmd metadata, variant trees and the comps
 * files of its work tree, found through the {@code latest-Mini-8} link, with no relengine journal. The run stages it
 * through Rocky 8's update path, signs, promotes and writes the file lists, and leaves the compose as Pungi made it.
 */
class PungiPublishSpec extends Specification {

    static final String UPDATE = Cli.ROOT.resolve('tests/src/test/resources/recipes/mini8-update.groovy').toString()
    static final String ID = 'Mini-8-updates-20251111.0'

    @Shared Path root = Files.createTempDirectory('relengine-pungi')
    @Shared Path work = Files.createTempDirectory('relengine-pungi-work')
    @Shared Path gnupg = ThrowawayKey.home('relengine-pungi-gnupg')
    @Shared Path composeDir
    @Shared Path recipe
    @Shared Map<String, String> before
    @Shared Cli.Result plan
    @Shared Cli.Result run

    def setupSpec() {
        composeDir = root.resolve("compose/8/$ID")
        Path compose = composeDir.resolve('compose')
        ['BaseOS', 'AppStream'].each { String variant ->
            String name = "pungi-${variant.toLowerCase()}"
            Map<String, Path> built = RpmBuild.build(work, name, '2.0', release: '1.el8', subpackages: ['debuginfo'])
            UpdatePathSpec.repo(work, compose.resolve("$variant/x86_64/os"), [built["$name-2.0-1.el8.noarch.rpm".toString()]],
                    UpdatePathSpec.group("pungi-$variant".toLowerCase(), "Pungi $variant", name))
            UpdatePathSpec.repo(work, compose.resolve("$variant/x86_64/debug/tree"), [built["$name-debuginfo-2.0-1.el8.noarch.rpm".toString()]], null)
            UpdatePathSpec.repo(work, compose.resolve("$variant/source/tree"), [built.src], null)
            // Pungi's comps file of the variant, which the update path hands to createrepo_c
            Path comps = composeDir.resolve("work/x86_64/comps/comps-${variant}.x86_64.xml")
            Files.createDirectories(comps.parent)
            Files.writeString(comps, UpdatePathSpec.group("pungi-$variant".toLowerCase(), "Pungi $variant", name))
        }
        Path modules = work.resolve('modules.yaml')
        Files.writeString(modules, UpdatePathSpec.MODULES.replace('demo-appstream-0:1.0-1.el8', 'pungi-appstream-0:2.0-1.el8'))
        assert Cli.exec(['modifyrepo_c', '--mdtype=modules', modules.toString(),
                         compose.resolve('AppStream/x86_64/os/repodata').toString()]).exitCode == 0
        Files.createDirectories(compose.resolve('metadata'))
        Files.writeString(compose.resolve('metadata/composeinfo.json'), COMPOSEINFO)
        Files.writeString(composeDir.resolve('COMPOSE_ID'), ID)
        Files.writeString(composeDir.resolve('STATUS'), 'FINISHED\n')
        Files.createDirectories(composeDir.resolve('logs/global'))
        Files.writeString(composeDir.resolve('logs/global/pungi.global.log'), 'Compose finished\n')
        Files.createSymbolicLink(root.resolve('compose/8/latest-Mini-8'), Path.of(ID))
        before = contents(composeDir.resolve('compose')) + contents(composeDir.resolve('logs')) +
                [STATUS: Files.readString(composeDir.resolve('STATUS')), COMPOSE_ID: Files.readString(composeDir.resolve('COMPOSE_ID'))]

        // Rocky 8's update path, production and file lists, on the compose Pungi made: named as the toolkit finds it
        recipe = Cli.writeRecipe(work, 'pungi8.groovy', """include '$UPDATE'
arches 'x86_64'
existing compose: '/mnt/compose/8/latest-Mini-8'
publish {
    production delete: true
    filelists modules: ['rocky']
}
""")
        plan = Cli.run('plan', recipe.toString(), '--root', root.toString())
        run = Cli.run([env: [GNUPGHOME: gnupg.toString()], timeout: 300], 'run', recipe.toString(), '--executor', 'local',
                '--root', root.toString(), '--confirm')
    }

    static final String COMPOSEINFO = '''{
    "header": {"type": "productmd.composeinfo", "version": "1.2"},
    "payload": {
        "compose": {"date": "20251111", "id": "Mini-8-updates-20251111.0", "respin": 0, "type": "production"},
        "release": {"internal": false, "name": "Mini Linux", "short": "Mini", "type": "updates", "version": "8"},
        "variants": {
            "AppStream": {"arches": ["x86_64"], "id": "AppStream", "name": "AppStream", "type": "variant", "uid": "AppStream",
                          "paths": {"os_tree": {"x86_64": "AppStream/x86_64/os"}, "repository": {"x86_64": "AppStream/x86_64/os"}}},
            "BaseOS": {"arches": ["x86_64"], "id": "BaseOS", "name": "BaseOS", "type": "variant", "uid": "BaseOS",
                       "paths": {"os_tree": {"x86_64": "BaseOS/x86_64/os"}, "repository": {"x86_64": "BaseOS/x86_64/os"}}}
        }
    }
}
'''

    /** Every file below {@code dir}, by path, with its content's digest. */
    static Map<String, String> contents(Path dir) {
        Map<String, String> files = new TreeMap<>()
        Files.walk(dir).withCloseable { stream ->
            stream.filter { Files.isRegularFile(it) }.forEach { Path p -> files[dir.fileName.toString() + '/' + dir.relativize(p)] = Files.readAllBytes(p).sha256() }
        }
        files
    }

    def "the plan publishes the compose the link names, and composes nothing"() {
        expect:
        plan.exitCode == 2
        plan.stdoutLines[0] ==~ /Plan for .*pungi8\.groovy: 1\d tasks to run \(publish of a compose made elsewhere\)/
        plan.stdoutLines[1] == '  compose id   latest-Mini-8'
        plan.stdoutLines[2] == "  compose      $root/compose/8/latest-Mini-8".toString()
        !plan.stdout.contains('  latest ')
        !plan.stdout.contains('compose (')
        plan.stdoutLines.contains('  stage')
    }

    def "the run stages, rebuilds, signs, promotes and lists the compose, and exits 0"() {
        expect:
        run.exitCode == 0
        run.stackTraceMarkers == []
        ['stage', 'createrepo:BaseOS:x86_64', 'createrepo:AppStream:source', 'hardlink', 'sign', 'promote', 'filelists'].every { id ->
            run.stdoutLines.any { it ==~ /\[\d+\/\d+\] done\s+${java.util.regex.Pattern.quote(id)}\b.*/ }
        }
        !run.stdoutLines.any { it.contains(' prepare') || it.contains(' sync:') || it.contains(' finalize') }
    }

    def "production serves Pungi's packages with the groups of Pungi's comps files, the module stream and signed repodata"() {
        given:
        Path production = root.resolve('production/mirror/pub/rocky/8.1')
        Path repomd = production.resolve('BaseOS/x86_64/os/repodata/repomd.xml')

        expect:
        Files.exists(production.resolve('BaseOS/x86_64/os/Packages/p/pungi-baseos-2.0-1.el8.noarch.rpm'))
        Files.exists(production.resolve('AppStream/source/tree/Packages/p/pungi-appstream-2.0-1.el8.src.rpm'))
        Cli.exec(['gpg', '--verify', "${repomd}.asc".toString(), repomd.toString()], Cli.ROOT, [GNUPGHOME: gnupg.toString()]).exitCode == 0
        Files.readString(repomd).contains('<revision>8</revision>')
        Files.readString(production.resolve('AppStream/x86_64/os/repodata/repomd.xml')).contains('<data type="modules">')
        repodataFile(production.resolve('BaseOS/x86_64/os/repodata'), 'group').contains('<id>pungi-baseos</id>')
        Files.readString(root.resolve('production/mirror/pub/rocky/fullfiletimelist-rocky'))
                .contains('\tf\t' + Files.size(repomd) + '\t8.1/BaseOS/x86_64/os/repodata/repomd.xml')
    }

    /** The repodata file of a type (an uncompressed one), as its repomd.xml names it. */
    static String repodataFile(Path repodata, String type) {
        String href = Files.readString(repodata.resolve('repomd.xml'))
                .find(/(?s)<data type="$type">.*?<location href="repodata\/([^"]+)"/) { all, name -> name }
        Files.readString(repodata.resolve(href))
    }

    def "the compose stays as Pungi made it: its tree, metadata, logs, STATUS and link; relengine's record goes to its work tree"() {
        expect:
        contents(composeDir.resolve('compose')) + contents(composeDir.resolve('logs')) +
                [STATUS: Files.readString(composeDir.resolve('STATUS')), COMPOSE_ID: Files.readString(composeDir.resolve('COMPOSE_ID'))] == before
        Files.readSymbolicLink(root.resolve('compose/8/latest-Mini-8')) == Path.of(ID)
        Files.exists(composeDir.resolve('work/journal'))
        Files.exists(composeDir.resolve('work/logs/stage.log'))
    }

    def "publishing the unchanged compose again moves the time of its repodata alone: no package, no other file"() {
        given:
        Path lists = root.resolve('production/mirror/pub/rocky')
        Map<String, List> before = MirrorClientSpec.list(lists)
        Thread.sleep(1100)   // the list's times are whole seconds

        when:
        def again = Cli.run([env: [GNUPGHOME: gnupg.toString()], timeout: 300], 'run', recipe.toString(), '--executor',
                'local', '--root', root.toString(), '--confirm')
        Map<String, List> after = MirrorClientSpec.list(lists)
        List<String> newer = after.findAll { path, entry -> entry[1] == 'f' && entry[0] > before[path]?.getAt(0) }
                .keySet() as List

        then:
        again.exitCode == 0
        after.keySet().count { it.endsWith('.rpm') } == 6
        newer.size() > 0
        newer.findAll { !it.contains('/repodata/') } == []
        newer.findAll { it.endsWith('.rpm') } == []
    }

    def "--only compose is refused: the recipe composes nothing"() {
        when:
        def refused = Cli.run('plan', recipe.toString(), '--root', root.toString(), '--only', 'compose')

        then:
        refused.exitCode == 1
        refused.stderrLines == ["relengine: --only compose: the recipe publishes the existing compose $root/compose/8/latest-Mini-8, and composes nothing".toString(),
                                '  hint: run it without --only, or with --only publish']
    }
}
