package org.relengine.cli

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

/**
 * A release's life as runs of one recipe, on real directories: RC1 and RC2 composed and staged as 9.1-RC1 and
 * 9.1-RC2 (latest-9 and 9.1 following), the release (RC2, final) promoted to production as 9.1, an update synced
 * into the latest compose and published, then the release moved to the vault with its repodata made again there.
 * Between them, what is refused: a release candidate vaulted, the vault without --confirm, a beta in production.
 */
@Stepwise
class ReleaseLifecycleSpec extends Specification {

    @Shared Path root = Files.createTempDirectory('relengine-life')
    @Shared Path work = Files.createTempDirectory('relengine-life-work')
    @Shared Path served = Files.createTempDirectory('relengine-life-served')
    @Shared RepoServer server
    @Shared Path recipe
    @Shared Map<String, Path> rpms = [:]

    Path staging = root.resolve('staging/mirror/pub/rocky')
    Path production = root.resolve('production/mirror/pub/rocky')

    def setupSpec() {
        rpms.putAll(RpmBuild.build(work, 'life-base', '1.0'))
        rpms.putAll(RpmBuild.build(work, 'life-base', '1.1'))
        UpdatePathSpec.repo(work, tree(), [rpms['life-base-1.0-1.el9.noarch.rpm']], null)
        server = RepoServer.start(served)
        recipe = work.resolve('life.groovy')
    }

    def cleanupSpec() {
        server?.close()
    }

    /** Peridot's tree of BaseOS for x86_64 on the server. */
    Path tree() {
        served.resolve('v1/projects/life/repo/BaseOS/x86_64')
    }

    /** The recipe at one point of the release's life: its RC level, and whether it is the release. */
    Path recipe(String rc, boolean isFinal) {
        Files.writeString(recipe, """release 'Life Linux', short: 'Life', version: '9.1', rc: '$rc', final: $isFinal
arches 'x86_64'
source peridot, url: '${server.url('v1/projects')}', project: 'life'
repos {
    repo 'BaseOS'
}
compose {
    sync from: peridot, delete: true, debug: false, source: false, kickstart: false
    finalize()
}
publish {
    staging delete: true
    production delete: true
    vault repodata: false
    filelists modules: ['rocky']
}
""")
        recipe
    }

    Cli.Result run(Path recipe, String... args) {
        Cli.run([timeout: 300], (['run', recipe.toString(), '--executor', 'local', '--root', root.toString()] + (args as List)) as String[])
    }

    List<String> composes() {
        Files.list(root.resolve('compose/9')).withCloseable { it.collect { it.fileName.toString() }.sort() }
    }

    String link(Path link) {
        Files.readSymbolicLink(link).toString()
    }

    def "RC1 is composed and staged as 9.1-RC1, with latest-9 and 9.1 leading to it; production waits for the release"() {
        when:
        def rc1 = run(recipe('RC1', false), '--date-stamp', '20260101.000000')

        then:
        rc1.exitCode == 0
        composes() == ['Life-9.1-20260101.000000', 'latest-Life-9']
        Files.exists(staging.resolve('9.1-RC1/BaseOS/x86_64/os/Packages/l/life-base-1.0-1.el9.noarch.rpm'))
        link(staging.resolve('latest-9')) == '9.1-RC1'
        link(staging.resolve('9.1')) == '9.1-RC1'
        !Files.exists(production.resolve('9.1'))
        !rc1.stdoutLines.any { it.contains(' promote') }
        Cli.run('show', recipe.toString()).stdoutLines.contains(
                '  production     /mnt/repos-production/mirror/pub/rocky/9.1 (for the release: 9.1-RC1 is not promoted)')
    }

    def "a release candidate is not vaulted"() {
        when:
        def refused = run(recipe, '--only', 'vault', '--confirm')

        then:
        refused.exitCode == 1
        refused.stderrLines[0] == 'relengine: --only vault: 9.1-RC1 is a release candidate, not a release: only a release is vaulted'
        !Files.exists(root.resolve('production/mirror/vault'))
    }

    def "RC2 is a new compose, staged as 9.1-RC2; the links follow it and 9.1-RC1 stays"() {
        when:
        def rc2 = run(recipe('RC2', false), '--date-stamp', '20260102.000000')

        then:
        rc2.exitCode == 0
        composes() == ['Life-9.1-20260101.000000', 'Life-9.1-20260102.000000', 'latest-Life-9']
        link(root.resolve('compose/9/latest-Life-9')).endsWith('Life-9.1-20260102.000000')
        Files.isDirectory(staging.resolve('9.1-RC1'))
        Files.isDirectory(staging.resolve('9.1-RC2/BaseOS/x86_64/os/repodata'))
        link(staging.resolve('latest-9')) == '9.1-RC2'
        link(staging.resolve('9.1')) == '9.1-RC2'
        !Files.exists(production.resolve('9.1'))
    }

    def "the release: RC2 marked final is published from its compose, and production gets 9.1"() {
        when:
        def release = run(recipe('RC2', true), '--only', 'publish', '--confirm')

        then:
        release.exitCode == 0
        composes() == ['Life-9.1-20260101.000000', 'Life-9.1-20260102.000000', 'latest-Life-9']
        Files.exists(production.resolve('9.1/BaseOS/x86_64/os/Packages/l/life-base-1.0-1.el9.noarch.rpm'))
        Files.isRegularFile(production.resolve('9.1/BaseOS/x86_64/os/repodata/repomd.xml'))
        !Files.exists(production.resolve('9.1-RC2'))
        Files.readString(production.resolve('fullfiletimelist-rocky')).contains('\t9.1/BaseOS/x86_64/os/repodata/repomd.xml\n')
    }

    def "an update syncs into the latest compose, no new compose directory, and reaches staging and production"() {
        given: 'the build system has a newer package'
        UpdatePathSpec.repo(work, tree(), [rpms['life-base-1.1-1.el9.noarch.rpm']], null)

        when:
        // the new repodata replaces the old: 3 of the 12 files of this one-package tree, over the guard's 10 %
        def update = run(recipe, '--update', '--confirm', '--allow-deletions', '50')

        then:
        update.exitCode == 0
        update.stdoutLines.contains('[2/5] done    sync:BaseOS:x86_64:os')
        !update.stdout.contains('finalize')
        Files.readString(root.resolve('compose/9/Life-9.1-20260102.000000/STATUS')) == 'FINISHED\n'
        composes() == ['Life-9.1-20260101.000000', 'Life-9.1-20260102.000000', 'latest-Life-9']
        Files.exists(root.resolve('compose/9/Life-9.1-20260102.000000/compose/BaseOS/x86_64/os/Packages/l/life-base-1.1-1.el9.noarch.rpm'))
        ['staging/mirror/pub/rocky/9.1-RC2', 'production/mirror/pub/rocky/9.1'].every {
            Files.exists(root.resolve("$it/BaseOS/x86_64/os/Packages/l/life-base-1.1-1.el9.noarch.rpm"))
        }
    }

    def "the vault is refused without --confirm: it is in production's tree"() {
        when:
        def refused = run(recipe, '--only', 'vault')

        then:
        refused.exitCode == 1
        refused.stderrLines[0].startsWith("relengine: this run publishes to the vault (${root}/production/mirror/vault/rocky/9.1): give --confirm")
        !Files.exists(root.resolve('production/mirror/vault'))
    }

    def "the release goes to the vault: its packages copied, its repodata made again there, the vault's file lists written"() {
        given:
        Path vault = root.resolve('production/mirror/vault/rocky/9.1/BaseOS/x86_64/os')

        when:
        def vaulted = run(recipe, '--only', 'vault', '--confirm')
        def query = Cli.exec(['dnf', 'repoquery', '--quiet', '--releasever=9', '--setopt=reposdir=/dev/null',
                              "--setopt=cachedir=${work.resolve('dnf-cache')}".toString(),
                              "--repofrompath=vault,${vault.toUri()}".toString(), '--repo=vault',
                              '--setopt=vault.gpgcheck=0', '--qf', '%{name}-%{version}', 'life-base'])

        then:
        vaulted.exitCode == 0
        ['vault', 'vault-createrepo:BaseOS:x86_64:os', 'vault-filelists'].every { id ->
            vaulted.stdoutLines.any { it ==~ /\[\d\/3\] done\s+${java.util.regex.Pattern.quote(id)}/ }
        }
        ['life-base-1.0-1.el9.noarch.rpm', 'life-base-1.1-1.el9.noarch.rpm'].every { Files.exists(vault.resolve("Packages/l/$it")) }
        Files.readString(vault.resolve('repodata/repomd.xml')) != Files.readString(production.resolve('9.1/BaseOS/x86_64/os/repodata/repomd.xml'))
        query.exitCode == 0
        query.stdout.readLines().sort() == ['life-base-1.0', 'life-base-1.1']
        Files.readString(root.resolve('production/mirror/vault/fullfiletimelist-vault')).contains('\trocky/9.1/BaseOS/x86_64/os/repodata/repomd.xml\n')
        Files.readString(root.resolve('production/mirror/vault/rocky/fullfiletimelist-rocky-vault')).contains('\t9.1/BaseOS/x86_64/os/repodata/repomd.xml\n')
        Files.exists(production.resolve('9.1/BaseOS/x86_64/os/repodata/repomd.xml'))
    }

    def "a beta is refused by production and by the vault, at their lines"() {
        given:
        Path beta = work.resolve('life-beta.groovy')
        Files.writeString(beta, Files.readString(recipe).replace("rc: 'RC2', final: true", "rc: 'BETA1', final: false, channel: beta"))

        when:
        def refused = Cli.run('validate', beta.toString())

        then:
        refused.exitCode == 1
        (refused.stdout + refused.stderr).contains("life-beta.groovy:13:5: error: a beta release is served from staging only; `production` would put it in production [R320]")
        (refused.stdout + refused.stderr).contains("life-beta.groovy:14:5: error: a beta release is served from staging only; `vault` would put it in the vault [R320]")
    }
}
