package org.relengine.plan

import org.relengine.steps.StepRegistry
import org.relengine.steps.sync.SyncStep
import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files
import java.time.Duration
import java.nio.file.Path
import org.relengine.compile.Recipes
import org.relengine.model.Recipe
import org.relengine.model.Step
import spock.lang.Shared
import spock.lang.Specification

/**
 * The planner: the task graph a recipe gives, at repo × arch × tree granularity, deterministic, with
 * every dependency planned before its dependants.
 */
class PlannerSpec extends Specification {

    static final String STAMP = '20251111.154233'

    @Shared Recipe rocky9 = load('rocky9')
    @Shared Recipe rocky8 = load('rocky8')
    @Shared Recipe rocky9Dnf = withDnf('rocky9')

    static Recipe load(String name) {
        def result = Recipes.load(Path.of("../recipes/${name}.groovy"))
        assert result.ok(): result.diagnostics().all()
        result.recipe()
    }

    /** The recipe with its sync on `engine: dnf`. */
    static Recipe withDnf(String name) {
        Path file = Path.of("../recipes/${name}.groovy")
        String text = Files.readString(file).replace('sync from: peridot,', 'sync from: peridot, engine: dnf,')
        def result = Recipes.load(file, text)
        assert result.ok(): result.diagnostics().all()
        result.recipe()
    }

    static Plan plan(Recipe recipe, Map changes = [:]) {
        def base = [full: true, repos: [], arches: [], scope: Scope.ALL, debug: true, source: true, image: null,
                    dateStamp: STAMP] + changes
        StepRegistry.plan(recipe, new PlanOptions(base.full, base.repos, base.arches, base.scope, base.debug, base.source,
                base.image, base.dateStamp))
    }

    static Set<String> ids(Plan plan, String prefix) {
        plan.tasks()*.id().findAll { it.startsWith(prefix) } as Set
    }

    def "Rocky 9 syncs every repo exactly on the arches where it exists"() {
        given:
        def all4 = ['x86_64', 'aarch64', 'ppc64le', 's390x']
        def expected = [devel           : all4 + ['i686'], BaseOS: all4, AppStream: all4, CRB: all4,
                        HighAvailability: all4, ResilientStorage: ['x86_64', 'ppc64le', 's390x'],
                        RT              : ['x86_64', 'aarch64'], NFV: ['x86_64'],
                        SAP             : ['x86_64', 'ppc64le', 's390x'], SAPHANA: ['x86_64', 'ppc64le'],
                        extras          : all4, plus: all4]

        when:
        def os = plan(rocky9).tasks().findAll { it.kind() == SyncStep.SYNC && it.id().endsWith(':os') }

        then:
        os.collect { "${it.repo()}:${it.arch()}".toString() } as Set ==
                expected.collectMany { repo, arches -> arches.collect { "$repo:$it".toString() } } as Set
        !os.any { it.repo() == 'RT' && it.arch() == 's390x' }
        !os.any { it.repo() == 'SAPHANA' && it.arch() == 'aarch64' }
        os.every { it.commands().isEmpty() && it.actions()*.class == [Action.MakeDirectory, Action.Internal] }
    }

    def "a sync task runs the native engine in relengine, reading its repo's section of the dnf configuration, with delete as the recipe says"() {
        when:
        def task = plan(rocky9).task('sync:BaseOS:x86_64:os').get()
        def dir = "/mnt/compose/9/Rocky-9.7-$STAMP"
        def sync = task.actions()[1] as Action.Internal

        then:
        task.commands() == []
        sync.operation().name() == 'native-sync'
        sync.params() == [config    : "$dir/work/dnf/Rocky-9.7-${STAMP}.repo", repo: 'BaseOS-x86_64',
                          tree      : "$dir/compose/BaseOS/x86_64/os", state: "$dir/work/sync", delete: 'true',
                          signatures: 'true']
        sync.description() == "sync https://yumrepofs.build.resf.org/v1/projects/e285fe05-8c5f-417a-a4a3-caeca4011896/repo/hashed-BaseOS/x86_64 into $dir/compose/BaseOS/x86_64/os with relengine's sync engine, deleting packages it no longer names, checking signatures with rpmkeys"
        task.inputs() == ['https://yumrepofs.build.resf.org/v1/projects/e285fe05-8c5f-417a-a4a3-caeca4011896/repo/hashed-BaseOS/x86_64']
        task.dependsOn() == ['prepare']
        task.executor().word() == 'local'
        !task.failable()

        and: 'the recipe puts sync in podman: its repoclosure goes there'
        plan(rocky9).task('repoclosure:BaseOS:x86_64').get().executor().word() == 'podman'
    }

    def "with connections: 32, a sync task tells the engine so, and says it; the default is named nowhere"() {
        given:
        Path file = Path.of('../recipes/rocky9.groovy')
        def result = Recipes.load(file, Files.readString(file).replace('sync from: peridot,',
                'sync from: peridot, connections: 32,'))
        assert result.ok(): result.diagnostics().all()

        when:
        def sync = plan(result.recipe()).task('sync:BaseOS:x86_64:os').get().actions()[1] as Action.Internal
        def usual = plan(rocky9).task('sync:BaseOS:x86_64:os').get().actions()[1] as Action.Internal

        then:
        sync.params().connections == '32'
        sync.description().contains(" with relengine's sync engine, 32 downloads at once, deleting packages")
        !usual.params().containsKey('connections')
        !usual.description().contains('downloads at once')
        Step.Sync.CONNECTIONS == org.relengine.yum.YumMirror.CONNECTIONS
    }

    def "with engine: dnf, a sync task runs dnf reposync as Rocky's sync units do, with --delete as the recipe says"() {
        when:
        def task = plan(rocky9Dnf).task('sync:BaseOS:x86_64:os').get()
        def dir = "/mnt/compose/9/Rocky-9.7-$STAMP"

        then:
        task.commands() == [['dnf', 'reposync', '-c', "$dir/work/dnf/Rocky-9.7-${STAMP}.repo", '--releasever=9',
                             '--download-metadata',
                             '--repoid=BaseOS-x86_64', '-p', "$dir/compose/BaseOS/x86_64/os", '--forcearch', 'x86_64',
                             '--norepopath', '--remote-time', '--gpgcheck', '--assumeyes', '--delete']*.toString()]
        task.inputs() == ['https://yumrepofs.build.resf.org/v1/projects/e285fe05-8c5f-417a-a4a3-caeca4011896/repo/hashed-BaseOS/x86_64']
        task.dependsOn() == ['prepare']
        task.executor().word() == 'podman'
        !task.failable()
    }

    def "kickstart trees are never synced with delete, by either engine"() {
        expect:
        (plan(rocky9).task('sync:BaseOS:x86_64:kickstart').get().actions()[1] as Action.Internal).params().delete == 'false'
        (plan(rocky9).task('sync:BaseOS:x86_64:os').get().actions()[1] as Action.Internal).params().delete == 'true'
        (plan(rocky9).task('sync:BaseOS:source').get().actions()[1] as Action.Internal).params().repo == 'BaseOS-source'
    }

    def "with engine: dnf, kickstart trees are never synced with --delete, source trees have no --forcearch"() {
        when:
        def p = plan(rocky9Dnf)

        then:
        !p.task('sync:BaseOS:x86_64:kickstart').get().commands()[0].contains('--delete')
        !p.task('sync:BaseOS:source').get().commands()[0].contains('--forcearch')
        p.task('sync:BaseOS:source').get().commands()[0].contains('--repoid=BaseOS-source')
    }

    def "repoclosure of #repo on #arch waits for the syncs it reads and checks against #against"() {
        when:
        def task = plan(rocky9).task("repoclosure:$repo:$arch").get()
        def argv = task.commands()[0]

        then:
        task.dependsOn() == ([repo] + against).collect { "sync:$it:$arch:os".toString() }
        argv.findAll { it.startsWith('--repo=') } == ([repo] + against).collect { "--repo=$it".toString() }
        argv.findAll { it.startsWith('--check=') } == ["--check=$repo".toString()]
        argv.findAll { it.startsWith('--arch=') } == flags.collect { "--arch=$it".toString() }

        where:
        repo        | arch      | against                                      | flags
        'BaseOS'    | 'x86_64'  | []                                           | ['x86_64', 'athlon', 'i686', 'i586', 'i486', 'i386', 'noarch']
        'AppStream' | 'aarch64' | ['BaseOS']                                   | ['aarch64', 'noarch']
        'SAP'       | 'ppc64le' | ['BaseOS', 'AppStream', 'HighAvailability']  | ['ppc64le', 'noarch']
        'RT'        | 'aarch64' | ['BaseOS', 'AppStream']                      | ['aarch64', 'noarch']
    }

    def "extras and plus are not closure-checked"() {
        expect:
        ids(plan(rocky9), 'repoclosure:extras').isEmpty()
        ids(plan(rocky9), 'repoclosure:plus').isEmpty()
    }

    def "every dependency of #name exists and is planned before its dependant"() {
        when:
        def tasks = plan(recipe).tasks()
        def index = tasks.withIndex().collectEntries { t, i -> [t.id(), i] }

        then:
        tasks*.id().toSet().size() == tasks.size()
        tasks.every { task -> task.dependsOn().every { index.containsKey(it) && index[it] < index[task.id()] } }

        where:
        name     | recipe
        'rocky8' | rocky8
        'rocky9' | rocky9
    }

    def "the DVD of each arch is built from its boot ISO, grafted packages and implanted checksum"() {
        when:
        def task = plan(rocky9).task('extras:dvd:x86_64').get()
        def dir = "/mnt/compose/9/Rocky-9.7-$STAMP"

        then:
        task.dependsOn() == ['unpack:x86_64', 'extrafiles', 'sync:BaseOS:x86_64:os', 'sync:AppStream:x86_64:os']
        task.commands() == [
                ['xorriso', '-options_from_file', "$dir/work/lorax/x86_64/xorriso-dvd-x86_64.txt"],
                ['implantisomd5', '--supported-iso', "$dir/work/isos/x86_64/Rocky-9.7-x86_64-dvd.iso.partial"],
                ['xorriso', '-indev', "$dir/work/isos/x86_64/Rocky-9.7-x86_64-dvd.iso.partial", '-report_el_torito', 'as_mkisofs'],
                ['xorriso', '-dev', "$dir/work/isos/x86_64/Rocky-9.7-x86_64-dvd.iso", '-find', '/']
        ].collect { it*.toString() }
        and: 'the disc is written under a partial name and renamed into place only once it is checked'
        def rename = task.actions().find { it instanceof Action.Internal && it.operation().name() == 'rename-file' }
        rename.params() == [from: "$dir/work/isos/x86_64/Rocky-9.7-x86_64-dvd.iso.partial".toString(),
                            to  : "$dir/work/isos/x86_64/Rocky-9.7-x86_64-dvd.iso".toString()]
        task.actions().indexOf(rename) == task.actions().findIndexOf { it instanceof Action.Internal && it.operation().name() == 'check-report' } + 1
        task.actions().findAll { it instanceof Action.Symlink }*.link() == [
                "$dir/work/isos/x86_64/Rocky-x86_64-dvd.iso", "$dir/work/isos/x86_64/Rocky-9-latest-x86_64-dvd.iso",
                "$dir/work/isos/x86_64/Rocky-x86_64-dvd.iso.manifest",
                "$dir/work/isos/x86_64/Rocky-9-latest-x86_64-dvd.iso.manifest"]*.toString()
        and: 'every file it writes or removes besides the commands\' own is an action of the plan, so a dry run shows it'
        task.actions().findAll { it instanceof Action.Internal && it.operation().name() == 'remove-file' }*.params()*.path == [
                "$dir/work/isos/x86_64/Rocky-9.7-x86_64-dvd.iso.partial", "$dir/work/tmp/Rocky-9.7-x86_64-dvd.iso.find"]*.toString()
        task.actions().findAll { it instanceof Action.WriteFile }*.path()*.replace("$dir/work/", '') == [
                'lorax/x86_64/dvd/.treeinfo', 'lorax/x86_64/dvd/.discinfo',
                'lorax/x86_64/xorriso-dvd-x86_64.txt', 'isos/x86_64/Rocky-9.7-x86_64-dvd.iso.manifest',
                'isos/x86_64/Rocky-9.7-x86_64-dvd.iso.CHECKSUM', 'isos/x86_64/Rocky-x86_64-dvd.iso.CHECKSUM',
                'isos/x86_64/Rocky-9-latest-x86_64-dvd.iso.CHECKSUM']
        task.executor().word() == 'podman'
    }

    def "publishing Rocky 9 stages with --delete, promotes payload before repodata before repomd.xml, protects devel"() {
        when:
        def p = plan(rocky9)
        def stage = p.task('stage').get()
        def promote = p.task('promote').get()
        def rsyncs = promote.commands()

        then:
        stage.dependsOn() == ['finalize']
        stage.commands().last() == ['rsync', '-rlptDSH', '--chmod=D0755,F0644', '-og', '--chown=10004:10005', '--delete',
                                    "/mnt/compose/9/Rocky-9.7-$STAMP/compose/".toString(),
                                    '/mnt/repos-staging/mirror/pub/rocky/9.7-RC2/']
        promote.dependsOn() == ['signrepos']
        p.task('signrepos').get().dependsOn() == ids(p, 'updateinfo:') as List
        ids(p, 'updateinfo:').every { p.task(it).get().dependsOn() == ['stage'] }
        rsyncs.size() == 3
        rsyncs[0].contains('--exclude=repodata/') && !rsyncs[0].contains('--delete')
        rsyncs[1].contains('--exclude=repomd.xml*') && !rsyncs[1].contains('--delete')
        rsyncs[2].containsAll(['--delete', '--delete-after', '--filter=protect devel'])
        rsyncs[2][-2..-1] == ['/mnt/repos-staging/mirror/pub/rocky/9.7-RC2/', '/mnt/repos-production/mirror/pub/rocky/9.7/']
        p.task('filelists').get().dependsOn() == ['promote']
    }

    def "what is published gets directories 0755 and files 0644 whatever the umask: every rsync, the targets' directories, what createrepo_c and gpg write into staging"() {
        when:
        def nine = plan(rocky9)
        def eight = plan(rocky8)
        def rsyncs = [nine, eight].collectMany { p -> ['stage', 'promote'].collectMany { p.task(it).get().commands() } }
                .findAll { it[0] == 'rsync' }
        def internal = { Plan p, String id -> p.task(id).get().actions().findAll { it instanceof Action.Internal } }

        then:
        rsyncs.size() == 8
        rsyncs.every { it[0..2] == ['rsync', '-rlptDSH', '--chmod=D0755,F0644'] }
        internal(nine, 'stage').find { it.operation().name() == 'make-published-directory' }.params() ==
                [path: '/mnt/repos-staging/mirror/pub/rocky/9.7-RC2']
        internal(nine, 'promote').find { it.operation().name() == 'make-published-directory' }.describe() ==
                'mkdir -p /mnt/repos-production/mirror/pub/rocky/9.7, each directory it makes 0755 whatever the umask'
        !nine.task('stage').get().actions().any { it instanceof Action.MakeDirectory }
        internal(eight, 'createrepo:AppStream:x86_64').last().params() ==
                [path: '/mnt/repos-staging/mirror/pub/rocky/8.10-RC2/AppStream/x86_64/os/repodata']
        internal(eight, 'createrepo:AppStream:x86_64').last().operation().name() == 'set-published-modes'
        eight.task('sign').get().actions().collect { it instanceof Action.Internal ? it.operation().name() : it.argv()[0] }
                .take(3) == ['gpg', 'set-published-modes', 'rename-file']
    }

    def "Rocky 8 updates staging as sync-to-staging.sh does: old repodata out, no delete, createrepo on every tree, hardlink, errata, then every repomd.xml signed"() {
        when:
        def p = plan(rocky8)
        String staging = '/mnt/repos-staging/mirror/pub/rocky/8.10-RC2'
        String work = "/mnt/compose/8/Rocky-8.10-$STAMP/work"
        def stage = p.task('stage').get()
        def cleared = stage.actions().findAll { it instanceof Action.Internal && it.operation().name() == 'empty-directory' }
        def createrepo = p.task('createrepo:AppStream:x86_64').get()

        then: 'the old repodata of every staged tree goes before the rsync'
        !stage.commands().last().contains('--delete')
        stage.actions().indexOf(cleared.last()) < stage.actions().indexOf(stage.actions().find { it instanceof Action.Exec && it.argv()[0] == 'rsync' })
        cleared*.params()*.path.take(5) == ["$staging/BaseOS/x86_64/os/repodata", "$staging/BaseOS/x86_64/debug/tree/repodata",
                                             "$staging/BaseOS/aarch64/os/repodata", "$staging/BaseOS/aarch64/debug/tree/repodata",
                                             "$staging/BaseOS/source/tree/repodata"]*.toString()

        and: 'createrepo_comps on the os tree of a comps repo, the module metadata handed back'
        createrepo.dependsOn() == ['stage']
        createrepo.commands() == [
                ['createrepo_c', '--update', "$staging/AppStream/x86_64/os", "--groupfile=$work/x86_64/comps/comps-AppStream.x86_64.xml",
                 '--xz', '--revision=8', '--distro=cpe:/o:rocky:rocky:8,Rocky Linux 8', '--workers', '12', '--checksum=sha256'],
                ['modifyrepo_c', '--mdtype=modules', "$work/x86_64/modules/AppStream/modules.yaml",
                 "$staging/AppStream/x86_64/os/repodata", '--compress', '--compress-type=xz']]*.collect { it.toString() }
        createrepo.actions().find { it instanceof Action.Internal && it.operation().name() == 'take-module-metadata' }
                .params().metadata == '/mnt/compose/8_metadata/x86_64/AppStream-modules.yaml'

        and: 'createrepo_update on debug and source trees and on repos without comps'
        p.task('createrepo:AppStream:x86_64:debug').get().commands() ==
                [['createrepo_c', '--update', "$staging/AppStream/x86_64/debug/tree".toString(), '--distro=cpe:/o:rocky:rocky:8,Rocky Linux 8', '--workers', '12']]
        p.task('createrepo:AppStream:source').get().commands()[0][2] == "$staging/AppStream/source/tree".toString()
        p.task('createrepo:extras:x86_64').get().commands() ==
                [['createrepo_c', '--update', "$staging/extras/x86_64/os".toString(), '--distro=cpe:/o:rocky:rocky:8,Rocky Linux 8', '--workers', '12']]

        and: 'staging hardlinked, then errata, then signatures of every rebuilt tree, then production'
        p.task('hardlink').get().dependsOn() == ids(p, 'createrepo:') as List
        p.task('hardlink').get().commands() == [['hardlink', '-x', '.*\\.xml.*', '-x', '.*\\.treeinfo', '-x', '.*\\.discinfo', staging]]
        ids(p, 'updateinfo:').every { p.task(it).get().dependsOn() == ['hardlink'] }
        p.task('sign').get().dependsOn() == ids(p, 'updateinfo:') as List
        p.task('sign').get().outputs().size() == ids(p, 'createrepo:').size()
        p.task('sign').get().commands().every { it[0..4] == ['gpg', '--batch', '--yes', '--detach-sign', '--armor'] }
        p.task('promote').get().dependsOn() == ['sign']
    }

    def "a release that builds the Minimal ISO gets the latest link the sync scripts make for it, and its torrent"() {
        given: "Rocky 9's recipe with minimal built, as el9.yaml's isoskip: True leaves it out by default"
        Path file = Path.of('../recipes/minimal.groovy')
        def result = Recipes.load(file, """include 'rocky9.groovy'
images {
    image 'minimal', repos: ['BaseOS'], variant: 'minimal', skip: false, graft: false
}
compose {
    extras 'minimal', on: podman
}
""")
        assert result.ok(): result.diagnostics().all()

        when:
        def p = plan(result.recipe(), [arches: ['x86_64']])
        def links = p.task('extras:minimal:x86_64').get().actions().findAll { it instanceof Action.Symlink }*.link()

        then:
        links.contains("/mnt/compose/9/Rocky-9.7-$STAMP/work/isos/x86_64/Rocky-9-latest-x86_64-minimal.iso".toString())
        p.task('torrents:minimal:x86_64').isPresent()
    }

    def "a recipe that publishes an existing compose plans its publish steps only, on that compose, whatever the run asks for"() {
        when:
        def p = plan(load('rocky8-updates'), changes)

        then:
        p.tasks().every { it.kind().stage() == 'publish' }
        p.tasks()*.id().take(2) == ['stage', 'createrepo:BaseOS:x86_64']
        p.composeDir() == '/mnt/compose/8/latest-Rocky-8'
        p.composeId() == 'latest-Rocky-8'
        !p.full()
        p.scope() == Scope.PUBLISH
        p.targets().keySet() as List == ['compose', 'staging', 'production']
        p.task('stage').get().inputs() == ['/mnt/compose/8/latest-Rocky-8/compose']
        !p.task('stage').get().commands().any { it[0] == 'hardlink' }      // the compose is left as it was made
        p.task('hardlink').get().commands() == [['hardlink', '-x', '.*\\.xml.*', '-x', '.*\\.treeinfo', '-x', '.*\\.discinfo',
                                                  '/mnt/repos-staging/mirror/pub/rocky/8.10-RC2']]
        p.task('createrepo:BaseOS:x86_64').get().actions().find { it instanceof Action.Internal }.params().comps ==
                '/mnt/compose/8/latest-Rocky-8/work/x86_64/comps/comps-BaseOS.x86_64.xml'

        where:
        changes << [[:], [full: false], [scope: Scope.PUBLISH]]
    }

    def "a Pungi minor release is reshaped in staging: ISOs per arch, kickstart trees of the comps repos, BaseOS's treeinfo, then hardlink and signatures"() {
        when:
        def p = plan(load('rocky9-pungi'), [:])
        def kinds = p.tasks().countBy { it.kind().word() }
        def isos = p.task('release-isos:x86_64').get()
        def gather = isos.actions().find { it instanceof Action.Internal && it.operation().name() == 'gather-isos' }

        then:
        kinds == [stage: 1, 'release-isos': 4, kickstart: 27, 'treeinfo-variants': 4, hardlink: 1, signrepos: 1, promote: 1,
                  filelists: 1, torrents: 12]
        p.task('stage').get().commands()[0].findAll { it.startsWith('--exclude=') } ==
                ['--exclude=/BaseOS/*/iso/', '--exclude=/Minimal/*/iso/', '--exclude=/Minimal/', '--exclude=/Cloud/',
                 '--exclude=/isos/', '--exclude=/*/*/kickstart/', '--exclude=.treeinfo-pristine']
        gather.params() == [from : '/mnt/compose/9/latest-Rocky-9/compose/BaseOS/x86_64/iso,/mnt/compose/9/latest-Rocky-9/compose/Minimal/x86_64/iso',
                            into : '/mnt/repos-staging/mirror/pub/rocky/9.7-RC2/isos/x86_64',
                            names: 'Rocky-9.7-x86_64-boot.iso,Rocky-9.7-x86_64-dvd.iso,Rocky-9.7-x86_64-minimal.iso']
        isos.actions().findAll { it instanceof Action.Symlink }.collect { [it.link().split('/')[-1], it.target()] } ==
                [['Rocky-9-latest-x86_64-boot.iso', 'Rocky-9.7-x86_64-boot.iso'], ['Rocky-9-latest-x86_64-dvd.iso', 'Rocky-9.7-x86_64-dvd.iso'],
                 ['Rocky-9-latest-x86_64-minimal.iso', 'Rocky-9.7-x86_64-minimal.iso']]
        isos.actions().count { it instanceof Action.WriteFile && it.path().endsWith('.CHECKSUM') } == 6
        p.tasks().findAll { it.kind().word() == 'kickstart' }*.repo().unique() ==
                ['BaseOS', 'AppStream', 'CRB', 'HighAvailability', 'ResilientStorage', 'RT', 'NFV', 'SAP', 'SAPHANA']
        p.task('treeinfo-variants:s390x').get().dependsOn().contains('kickstart:BaseOS:s390x')
        p.task('hardlink').get().dependsOn().containsAll(['release-isos:x86_64', 'treeinfo-variants:x86_64', 'kickstart:SAPHANA:ppc64le'])
        p.task('signrepos').get().dependsOn() == ['hardlink']
        p.task('signrepos').get().commands().count { it.last().endsWith('/kickstart/repodata/repomd.xml') } == 27
        p.task('torrents:dvd:x86_64').get().dependsOn() == ['release-isos:x86_64']
    }

    def "a SIG's plan syncs each repo on the arches it exists on only, into the mirror's layout, and publishes its own tree"() {
        when:
        def p = plan(load('sig/cloud'), [:])
        def syncs = p.tasks().findAll { it.kind().word() == 'sync' }
        String compose = "/mnt/compose/9/SIG-cloud-9.7-$STAMP/compose".toString()

        then:
        p.composeId() == "SIG-cloud-9.7-$STAMP".toString()
        p.tasks().countBy { it.kind().word() } == [prepare: 1, sync: 14, extrafiles: 1, finalize: 1, stage: 1, promote: 1,
                                                    filelists: 1]
        syncs.findAll { it.id().endsWith(':os') }.collect { [it.repo(), it.arch()] }.sort { it.join(':') } ==
                [['cloud-common', 'aarch64'], ['cloud-common', 'ppc64le'], ['cloud-common', 's390x'], ['cloud-common', 'x86_64'],
                 ['cloud-kernel', 'aarch64'], ['cloud-kernel', 'x86_64']]
        p.task('sync:cloud-kernel:aarch64:os').get().outputs() == ["$compose/9/cloud/aarch64/cloud-kernel".toString()]
        p.task('sync:cloud-kernel:x86_64:debug').get().outputs() == ["$compose/9/cloud/x86_64/cloud-kernel-debug".toString()]
        p.task('sync:cloud-common:source').get().outputs() == ["$compose/9/cloud/source/cloud-common".toString()]
        p.task('extrafiles').get().outputs().contains("$compose/9/cloud/metadata".toString())
        p.task('stage').get().commands().find { it[0] == 'rsync' }.takeRight(2) ==
                ["$compose/9/cloud/".toString(), '/mnt/repos-staging/mirror/pub/sig/9/cloud/']
        p.task('promote').get().commands().last() == ['hardlink', '-x', '.*\\.xml.*', '/mnt/repos-production/mirror/pub/sig/9']
        p.targets().latest == '/mnt/compose/9/latest-SIG-cloud-9'
        !p.task('stage').get().actions().any { it instanceof Action.Symlink }
    }

    def "a vault run copies the release from production into the vault, then writes the vault's lists; nothing else"() {
        when:
        def p = plan(rocky9, [scope: Scope.VAULT])

        then:
        p.tasks()*.id() == ['vault', 'vault-filelists']
        p.task('vault').get().commands() == [['rsync', '-rlptDSH', '--chmod=D0755,F0644', '-og', '--chown=10004:10005',
                                              '/mnt/repos-production/mirror/pub/rocky/9.7/', '/mnt/repos-production/mirror/vault/rocky/9.7/']]
        p.task('vault-filelists').get().outputs() == ['/mnt/repos-production/mirror/vault/fullfiletimelist-vault',
                                                      '/mnt/repos-production/mirror/vault/rocky/fullfiletimelist-rocky-vault']
        p.targets().vault == '/mnt/repos-production/mirror/vault/rocky/9.7'
        !plan(rocky9, [:]).tasks().any { it.kind().word().startsWith('vault') }
    }

    def "a vault run without production's repodata makes it again per tree, with production's comps"() {
        given:
        def result = Recipes.load(Path.of('../recipes/rocky9.groovy'), Files.readString(Path.of('../recipes/rocky9.groovy'))
                .replace("vault repodata: true", "vault repodata: false"))

        when:
        def p = plan(result.recipe(), [scope: Scope.VAULT])
        def baseos = p.task('vault-createrepo:BaseOS:x86_64:os').get()

        then:
        p.task('vault').get().commands()[0].contains('--exclude=repodata/')
        p.tasks().count { it.kind().word() == 'vault-createrepo' } == p.tasks().size() - 2
        baseos.dependsOn() == ['vault']
        baseos.actions().find { it instanceof Action.Internal }.params().tree == '/mnt/repos-production/mirror/pub/rocky/9.7/BaseOS/x86_64/os'
        baseos.commands()[0].take(3) == ['createrepo_c', '--update', '/mnt/repos-production/mirror/vault/rocky/9.7/BaseOS/x86_64/os']
        p.task('vault-filelists').get().dependsOn().size() == p.tasks().size() - 2
    }

    def "a release candidate that is not the release is staged and never promoted; its file lists are staging's"() {
        given:
        def result = Recipes.load(Path.of('../recipes/rocky9.groovy'), Files.readString(Path.of('../recipes/rocky9.groovy'))
                .replace("rc: 'RC2', final: true", "rc: 'RC1', final: false"))

        when:
        def p = plan(result.recipe(), [:])

        then:
        p.task('stage').isPresent()
        !p.task('promote').isPresent()
        !p.targets().containsKey('production')
        p.task('filelists').get().outputs()[0] == '/mnt/repos-staging/mirror/pub/rocky/fullfiletimelist-rocky'
    }

    def "--only vault of a release candidate is refused"() {
        given:
        def result = Recipes.load(Path.of('../recipes/rocky9.groovy'), Files.readString(Path.of('../recipes/rocky9.groovy'))
                .replace("rc: 'RC2', final: true", "rc: 'RC1', final: false"))

        when:
        plan(result.recipe(), [scope: Scope.VAULT])

        then:
        PlanException e = thrown()
        e.message == '--only vault: 9.7-RC1 is a release candidate, not a release: only a release is vaulted'
    }

    def "--only compose of a recipe that publishes an existing compose is refused"() {
        when:
        plan(load('rocky8-updates'), [scope: Scope.COMPOSE])

        then:
        PlanException e = thrown()
        e.message == '--only compose: the recipe publishes the existing compose /mnt/compose/8/latest-Rocky-8, and composes nothing'
        e.hint() == 'run it without --only, or with --only publish'
    }

    def "selection #selection"() {
        when:
        def planned = plan(rocky9, changes)

        then:
        check(planned)

        where:
        selection                  | changes                                     | check
        'one arch'                 | [arches: ['aarch64']]                      | { Plan x -> x.tasks().every { it.arch() in [null, 'aarch64'] } && ids(x, 'sync:BaseOS:source').isEmpty() && !ids(x, 'lorax:aarch64').isEmpty() }
        'an update run'            | [full: false]                              | { Plan x -> ids(x, 'sync:BaseOS:x86_64:kickstart').isEmpty() && ['lorax', 'unpack', 'extras', 'finalize', 'treeinfo'].every { ids(x, it).isEmpty() } && x.composeDir() == '/mnt/compose/9/latest-Rocky-9' }
        'an update of one repo'    | [full: false, repos: ['BaseOS']]           | { Plan x -> x.tasks().findAll { it.kind() == SyncStep.SYNC }.every { it.repo() == 'BaseOS' } }
        'compose only'             | [scope: Scope.COMPOSE]                     | { Plan x -> x.tasks().every { it.kind().stage() != 'publish' } }
        'publish only'             | [scope: Scope.PUBLISH]                     | { Plan x -> x.tasks()*.kind()*.word() as Set == ['stage', 'updateinfo', 'signrepos', 'promote', 'filelists', 'torrents'] as Set && x.task('stage').get().dependsOn().isEmpty() }
        'no debug trees'           | [debug: false]                             | { Plan x -> x.tasks().every { !it.id().endsWith(':debug') } }
        'no source trees'          | [source: false]                            | { Plan x -> x.tasks().every { !it.id().endsWith(':source') } }
        'one image'                | [image: 'dvd']                             | { Plan x -> ids(x, 'extras:').size() == 4 }
    }

    def "#mistake is refused before anything is planned: #message"() {
        when:
        plan(rocky9, changes)

        then:
        def e = thrown(PlanException)
        e.message == message
        e.hint() == hint

        where:
        mistake                    | changes                           || message                                                                | hint
        'a repo on a full run'     | [repos: ['BaseOS']]               || '--repo selects repos of an update run, but this is a full run'        | 'a full run composes every repo into a new compose; add --update to re-sync BaseOS into the latest compose'
        'an undeclared repo'       | [full: false, repos: ['BaseOs']]  || '--repo BaseOs: the recipe declares no repo `BaseOs`'                  | 'did you mean `BaseOS`?'
        'an arch of no release'    | [arches: ['x86-64']]              || '--arch x86-64: not an arch of the release'                             | 'did you mean `x86_64`?'
        'an image not built'       | [image: 'minimal']                || '--image minimal: the recipe builds no image `minimal`'                | 'images built: dvd'
    }

    def "images.json is told each image the plan makes, by its path in the compose and what tells it apart"() {
        when:
        def write = plan(rocky9).task('finalize').get().actions().find {
            it instanceof Action.WriteFile && it.path().endsWith('/images.json')
        } as Action.WriteFile
        def images = write.params().findAll { it.key.startsWith('image.') }

        then:
        // the ISOs; the cloud images of x86_64, aarch64 (RPI), ppc64le, s390x (no WSL); 6 live images × 2 arches
        images.size() == 8 + 15 + 16 + 14 + 14 + 12
        images['image.isos/x86_64/Rocky-9.7-x86_64-dvd.iso'] ==
                'subvariant=BaseOS type=dvd format=iso additional_variants=AppStream'
        images['image.images/x86_64/Rocky-9-GenericCloud-LVM-9.7-*.x86_64.qcow2'] ==
                'subvariant=GenericCloud-LVM type=qcow2 format=qcow2'
        images['image.images/aarch64/Rocky-9-RPI-9.7-*.aarch64.raw.xz'] == 'subvariant=RPI type=raw-xz format=raw.xz'
        images['image.live/aarch64/Rocky-9.7-Workstation-Lite-aarch64-*.iso'] ==
                'subvariant=Workstation-Lite type=live format=iso'
        images.values().toSet().size() == 2 + 16 + 6  // boot and dvd; each cloud type × variant; each live image
        plan(rocky9).task('finalize').get().actions().findAll { it instanceof Action.WriteFile }
                .findAll { !it.path().endsWith('/images.json') }.every { w -> !w.params().keySet().any { it.startsWith('image.') } }
    }

    def "#mistake is refused when planning, since productmd could not list the image: #message"() {
        given:
        Path file = Path.of('../recipes/rocky9.groovy')
        String text = Files.readString(file)
        assert text.count(from) == 1
        def loaded = Recipes.load(file, text.replace(from, to))
        assert loaded.ok(): loaded.diagnostics().all()

        when:
        plan(loaded.recipe())

        then:
        def e = thrown(PlanException)
        e.message == message
        e.hint() == hint

        where:
        mistake                      | from                                | to                                      || message | hint
        'a format productmd lacks'   | "format: 'wsl'"                     | "format: 'zip'"                         || 'cloud image `WSL`: productmd has no image type for format `zip`, so images.json could not list it' | 'formats: appx, box, oci, ociarchive, qcow, qcow2, raw, raw.xz, rhevm.ova, tar.xz, vdi, vhd, vhd.gz, vhd.xz, vmdk, vsphere.ova, wsl'
        'a box of no known provider' | "variants: ['Libvirt', 'Vbox', 'VMware']" | "variants: ['Libvirt', 'Parallels']" || 'cloud image `Vagrant-Parallels`: a Vagrant box needs a variant that names its provider, for the productmd type of images.json' | 'variants: hyperv, libvirt, vbox, virtualbox, vmware (any case)'
        'a variant given twice'      | "variants: ['Base', 'LVM'], primary: 'Base'\n    cloud 'EC2'" | "variants: ['Base', 'Base'], primary: 'Base'\n    cloud 'EC2'" || 'images/x86_64/Rocky-9-Azure-Base-9.7-*.x86_64.vhd and images/x86_64/Rocky-9-Azure-Base-9.7-*.x86_64.vhd would be the same image to productmd (subvariant=Azure-Base type=vpc format=vhd on x86_64)' | 'give one of them another variant or name'
    }

    def "the same recipe and options give the same plan, byte for byte"() {
        expect:
        PlanJson.render(plan(load('rocky9')), null) == PlanJson.render(plan(load('rocky9')), null)
    }

    def "a local artifact store with hashContent: true is named in the plan as fingerprinted by content"() {
        given:
        Path file = Path.of('../recipes/rocky9.groovy')
        String recipe = Files.readString(file)
        String artifacts = "artifacts url: 'https://resf-empanadas.s3.us-east-2.amazonaws.com', bucket: 'resf-empanadas',\n" +
                "          region: 'us-east-2'"
        assert recipe.count(artifacts) == 1
        def loaded = Recipes.load(file, recipe.replace(artifacts, "artifacts url: '/srv/artifacts', hashContent: true"))
        assert loaded.ok(): loaded.diagnostics().all()

        when:
        def p = plan(loaded.recipe())
        def json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(PlanJson.render(p, null))

        then:
        p.hashedByContent() == ['/srv/artifacts']
        json.get('fingerprints').toString() == '{"content":["/srv/artifacts"]}'
        PlanReader.plan(json, StepRegistry.standard()).hashedByContent() == ['/srv/artifacts']
        p.task('unpack:x86_64').get().inputs() == ['/srv/artifacts']
        plan(rocky9).hashedByContent() == []
    }

    def "a sync with retries: 2, retryDelay: '1s' gives every sync task that policy, and no other task a policy"() {
        given:
        Path file = Path.of('../recipes/rocky9.groovy')
        String text = Files.readString(file).replace("sync from: peridot, delete: true, on: podman",
                "sync from: peridot, delete: true, on: podman, retries: 2, retryDelay: '1s'")
        def loaded = Recipes.load(file, text)
        assert loaded.ok(): loaded.diagnostics().all()

        when:
        def tasks = plan(loaded.recipe()).tasks()
        def syncs = tasks.findAll { it.kind() == SyncStep.SYNC }

        then:
        syncs.size() == plan(rocky9).tasks().count { it.kind() == SyncStep.SYNC }
        syncs*.id().containsAll(['sync:BaseOS:x86_64:os', 'sync:BaseOS:x86_64:debug', 'sync:BaseOS:x86_64:kickstart',
                                 'sync:BaseOS:source'])
        syncs.every { it.retry() == new Step.Retry(2, Duration.ofSeconds(1)) }
        tasks.findAll { it.kind() != SyncStep.SYNC }.every { it.retry() == Step.Retry.NONE }

        and: 'the plan says so for sync tasks only'
        def json = new ObjectMapper().readTree(PlanJson.render(plan(loaded.recipe()), null))
        json.get('tasks').find { it.get('id').asText() == 'sync:BaseOS:x86_64:os' }.get('retry').toString() ==
                '{"attempts":3,"delaySeconds":1}'
        json.get('tasks').findAll { it.has('retry') }.collect { it.get('id').asText() } as Set == syncs*.id() as Set
    }

    def "a plan without retries says nothing of them"() {
        expect:
        !PlanJson.render(plan(rocky9), null).contains('"retry"')
        plan(rocky9).tasks().every { it.retry() == Step.Retry.NONE }
    }

    def "a #what plan of #name writes into #written, which a run locks and production needs --confirm for"() {
        when:
        def p = plan(load(name), changes)

        then:
        ['staging', 'production'].findAll { p.writes(it) } == written

        where:
        what           | name          | changes                 || written
        'full'         | 'rocky9'      | [:]                     || ['staging', 'production']
        'compose only' | 'rocky9'      | [scope: Scope.COMPOSE]  || []
        'publish only' | 'rocky9'      | [scope: Scope.PUBLISH]  || ['staging', 'production']
        'full'         | 'rocky9-beta' | [:]                     || ['staging']
        'full'         | 'rocky8'      | [:]                     || ['staging', 'production']
    }

    /** Every recipe shipped in recipes/, as `rocky9` or `sig/cloud`: each has a golden plan. */
    static List<String> shippedRecipes() {
        Path root = Path.of('../recipes')
        Files.walk(root).withCloseable { files ->
            files.filter { it.toString().endsWith('.groovy') && !root.relativize(it).startsWith('sig/base') }
                    .collect { root.relativize(it).toString() - '.groovy' }.sort()
        }
    }

    def "every shipped recipe has a golden plan and no golden plan is left without its recipe"() {
        expect:
        Files.list(Path.of('src/test/resources/golden')).withCloseable { it.collect { it.fileName.toString() } }.sort() ==
                shippedRecipes().collect { it.replace('/', '-') + '.plan.json' }.sort()
    }

    def "the plan of #name matches its reviewed golden file"() {
        given:
        Path golden = Path.of("src/test/resources/golden/${name.replace('/', '-')}.plan.json")
        // the recipe's path depends on where the checkout is; everything else must not
        String checkout = Path.of('..').toAbsolutePath().normalize().toString() + '/'
        String actual = PlanJson.render(plan(load(name)), null).replace(checkout, '')

        when:
        if (System.getProperty('relengine.golden.update') != null) {
            Files.writeString(golden, actual)
        }

        then: 'to accept a reviewed change: mvn -pl runtime test -Drelengine.golden.update=true, then read the diff'
        actual == Files.readString(golden)

        where:
        name << shippedRecipes()
    }

    def "a compose's copy of the #name plan reads back task by task to the same JSON"() {
        given:
        def json = new com.fasterxml.jackson.databind.ObjectMapper()
        def written = json.readTree(PlanJson.render(plan(load(name)), null))

        when:
        Plan read = PlanReader.plan(written, StepRegistry.standard())

        then:
        read.tasks().size() == written.get('tasks').size()
        read.tasks().withIndex().every { Task task, int i -> PlanJson.taskTree(task) == written.get('tasks').get(i) }
        read.composeDir() == written.get('compose').get('dir').asText()
        read.targets() == plan(load(name)).targets()

        where:
        name << ['rocky8', 'rocky9', 'rocky9-beta']
    }

    def "the dot graph has one node per task and one edge per dependency"() {
        when:
        def p = plan(rocky9)
        def dot = PlanGraph.dot(p)

        then:
        dot.startsWith('digraph plan {')
        dot.readLines().count { it.contains(' -> ') } == p.tasks().sum { it.dependsOn().size() }
        dot.readLines().count { it.contains('[label=') } == p.tasks().size()
    }
}
