package org.relengine.steps.lorax

import java.nio.file.Files
import java.nio.file.Path
import org.relengine.compile.Recipes
import org.relengine.plan.PlanOptions
import org.relengine.steps.StepRegistry
import spock.lang.Specification
import spock.lang.TempDir

/**
 * lorax as the toolkit runs it: the recipe's more sources after the repos' (Rocky 9's core-common and core-infra),
 * and the packages it removes commented out of a copy of the templates that lorax then reads (Rocky 8's
 * libreport-rhel-anaconda-bugzilla), the machine's own templates left as they are.
 */
class LoraxTemplatesSpec extends Specification {

    @TempDir
    Path dir

    static org.relengine.plan.Task lorax(String options, String on = 'kubernetes', String arch = 'x86_64') {
        def result = Recipes.load(Path.of('lorax.groovy'), """\
            release 'Rocky Linux', short: 'Rocky', version: '8.10', rc: 'RC2', final: true, code: 'Green Obsidian'
            arches 'x86_64', 'aarch64'
            source peridot, url: 'https://yumrepofs.example.org/v1/projects', project: 'p'
            artifacts url: 'https://resf-empanadas.s3.us-east-2.amazonaws.com', bucket: 'resf-empanadas', region: 'us-east-2'
            kubernetes namespace: 'empanadas', image: 'ghcr.io/rocky-linux/sig-core-toolkit:latest', secret: 'empanadas-s3'
            repos {
                repo 'BaseOS'
                repo 'AppStream'
            }
            images {
                lorax repos: ['BaseOS', 'AppStream'], variant: 'BaseOS'$options
            }
            compose {
                sync from: peridot
                iso arches: all, on: $on
            }
            """.stripIndent())
        assert result.ok(): result.diagnostics().toString()
        StepRegistry.plan(result.recipe(), PlanOptions.fullRun()).task("lorax:$arch").get()
    }

    static List<String> sources(org.relengine.plan.Task task) {
        task.actions()*.describe().find { it.startsWith('lorax ') }.tokenize(' ').findAll { it.startsWith('--source=') }
    }

    def "more sources come after the repos', with the task's arch and the release's major filled in"() {
        when:
        def task = lorax(", sources: ['https://yumrepofs.example.org/v1/projects/q/repo/core-common/{arch}', 'https://m.example.org/{major}/core-infra/{arch}']", 'kubernetes', 'aarch64')

        then:
        sources(task) == ['--source=https://yumrepofs.example.org/v1/projects/p/repo/BaseOS/aarch64',
                          '--source=https://yumrepofs.example.org/v1/projects/p/repo/AppStream/aarch64',
                          '--source=https://yumrepofs.example.org/v1/projects/q/repo/core-common/aarch64',
                          '--source=https://m.example.org/8/core-infra/aarch64']
        task.inputs().takeRight(2) == ['https://yumrepofs.example.org/v1/projects/q/repo/core-common/aarch64',
                                       'https://m.example.org/8/core-infra/aarch64']
    }

    def "without removes, lorax reads the machine's templates: no copy, no --sharedir"() {
        when:
        def described = lorax('').actions()*.describe()

        then:
        described[0].startsWith('lorax ')
        !described[0].contains('--sharedir')
    }

    def "with removes, a Job first makes its own copy of the templates with each package commented out, and lorax reads it"() {
        when:
        def described = lorax(", removes: ['libreport-rhel-anaconda-bugzilla', 'a.b']").actions()*.describe()

        then:
        described.take(3) == ['rm -rf /builddir/templates',
                              'cp -a /usr/share/lorax/templates.d/80-rhel /builddir/templates',
                              "sed -i -e '/libreport-rhel-anaconda-bugzilla/ s/^/#/' -e '/a\\.b/ s/^/#/' /builddir/templates/runtime-install.tmpl"]
        described[3].startsWith('lorax ')
        described[3].contains(' --sharedir=/builddir/templates ')
    }

    def "on this machine the copy is made in the arch's build directory of the compose's work tree"() {
        when:
        def described = lorax(", removes: ['libreport-rhel-anaconda-bugzilla']", 'local').actions()*.describe()
        String build = '/mnt/compose/8/Rocky-8.10-<YYYYMMDD.HHMMSS>/work/lorax-build/x86_64'

        then:
        described[1] == "rm -rf '$build/templates'"
        described[2] == "cp -a /usr/share/lorax/templates.d/80-rhel '$build/templates'"
        described[4].contains(" '--sharedir=$build/templates' ")
    }

    def "the sed the task runs comments out exactly the lines naming a removed package, a dot matching only a dot"() {
        given:
        Path copy = Files.createDirectories(dir.resolve('templates'))
        Files.writeString(copy.resolve('runtime-install.tmpl'), '''\
            ## anaconda package
            installpkg anaconda anaconda-widgets
            installpkg libreport-rhel-anaconda-bugzilla
            installpkg a.b
            installpkg aXb
            '''.stripIndent())

        when:
        def sed = Lorax.templateCopy(['libreport-rhel-anaconda-bugzilla', 'a.b'], dir.toString())[2]
        def process = new ProcessBuilder(sed).redirectErrorStream(true).start()

        then:
        process.waitFor() == 0
        Files.readString(copy.resolve('runtime-install.tmpl')) == '''\
            ## anaconda package
            installpkg anaconda anaconda-widgets
            #installpkg libreport-rhel-anaconda-bugzilla
            #installpkg a.b
            installpkg aXb
            '''.stripIndent()
    }
}
