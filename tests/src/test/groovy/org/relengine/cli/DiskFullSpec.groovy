package org.relengine.cli

import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * A full disk is a fault the compose survives. The demo runs on a real tmpfs too small for it, made in a user
 * and mount namespace of the spec's own (unprivileged: `unshare -rm`); the run fails with exit 3 naming what it
 * could not write, its journal and STATUS say what is true, and once the file system is enlarged (remounted
 * bigger) a resume makes the same trees as a demo that never ran out of space, made with the same date stamp
 * on a file system of the same kind at the same place.
 *
 * The sizes, measured: the demo of rocky9 needs 122 MiB (compose 66, staging 28, production 29); its syncs need
 * about 5 MiB, so at 4 MiB it runs out mid-sync. The demo of mini9 needs 47 MiB; at 24 MiB its syncs and the
 * pulls of the boot trees fit, and it runs out while xorriso writes the DVDs.
 */
class DiskFullSpec extends Specification {

    static final String STAMP = '20260101.000000'

    static final Path MINI9 = Cli.ROOT.resolve('tests/src/test/resources/recipes/mini9.groovy')

    @TempDir
    Path dir

    def "the demo of #recipe on a file system of #size runs out #where: exit 3, the cause named, and a resume on more space makes the same trees"() {
        when:
        Map<String, Object> runs = demos(size, recipe == 'rocky9' ? [] : ['--recipe', MINI9.toString()])
        String first = runs.first
        Path compose = dir.resolve('first/compose/9').resolve("$id-$STAMP")
        List<String> journal = Files.readAllLines(compose.resolve('work/journal'))

        then: 'the run fails, saying what the disk had no room for, and how to go on'
        runs.firstExit == 3
        runs.firstMarkers == []
        !first.contains('internal error')
        !first.contains('the repo is unreachable')
        first.readLines().findAll { it.startsWith('  cause: ') }.every { it.startsWith('  cause: no space left on device') }
        first.readLines().any { it ==~ cause }

        and: 'the journal holds whole lines only, of one run, and STATUS says the compose failed'
        Files.readString(compose.resolve('work/journal')).endsWith('\n')
        journal.every { new JsonSlurper().parseText(it) instanceof Map }
        journal.count { it.contains('"event":"run"') } == 1
        Files.readString(compose.resolve('STATUS')) == 'DOOMED\n'

        and: 'resumed with room enough, it finishes, reusing what was done, with the trees of a run that had room'
        runs.resumeExit == 0
        runs.resume.contains('relengine: compose ' + "$id-$STAMP is FINISHED")
        (runs.resume =~ /relengine: \d+ done, [1-9]\d* reused, 0 failed/).find()
        runs.referenceExit == 0
        ComposeTree.listing(dir.resolve('resumed')) == ComposeTree.listing(dir.resolve('reference'))

        where:
        recipe   | size  | where            | id            | cause
        'rocky9' | '4m'  | 'mid-sync'       | 'Rocky-9.7'   | /relengine: the run stopped: no space left on device writing \/\S+\/work\/(journal|outputs\/\S+\.tsv); \d+ tasks were not started/
        'mini9'  | '24m' | 'mid-ISO'        | 'Mini-9.1'    | /  cause: no space left on device.*/
    }

    /**
     * In one namespace: the demo on a tmpfs of {@code size}; the same file system remounted at 400 MiB and the
     * demo resumed; then a fresh tmpfs at the same place and an uninterrupted demo. Each tree is copied out as it
     * was left, since the file systems end with the namespace.
     */
    private Map<String, Object> demos(String size, List<String> recipe) {
        Path fs = Files.createDirectories(dir.resolve('fs'))
        String out = fs.resolve('demo').toString()
        List<String> demo = ['demo', '--executor', 'local', '--out', out, '--date-stamp', STAMP] + recipe
        String script = """\
            set -u
            mount -t tmpfs -o size=$size tmpfs '$fs' || exit 99
            ${shell(Cli.command(*demo))} > '$dir/first.log' 2>&1; echo \$? > '$dir/first.rc'
            cp -a '$out' '$dir/first'
            mount -o remount,size=400m '$fs' || exit 99
            ${shell(Cli.command(*(demo + ['--resume'])))} > '$dir/resume.log' 2>&1; echo \$? > '$dir/resume.rc'
            cp -a '$out' '$dir/resumed'
            umount '$fs' && mount -t tmpfs -o size=400m tmpfs '$fs' || exit 99
            ${shell(Cli.command(*demo))} > '$dir/reference.log' 2>&1; echo \$? > '$dir/reference.rc'
            cp -a '$out' '$dir/reference'
            """.stripIndent()
        def shell = Cli.exec(['unshare', '-rm', 'sh', '-c', script], Cli.ROOT, Cli.environment(DemoSpec.ENV), 900)
        assert shell.exitCode == 0: shell.stderr
        String first = Files.readString(dir.resolve('first.log'))
        [first        : first, firstExit: exit('first'), resume: Files.readString(dir.resolve('resume.log')),
         resumeExit   : exit('resume'), referenceExit: exit('reference'),
         firstMarkers : Cli.STACK_TRACE_MARKERS.findAll { first.contains(it) }]
    }

    private int exit(String run) {
        Files.readString(dir.resolve("${run}.rc")).strip() as int
    }

    private static String shell(List<String> argv) {
        argv.collect { "'" + it.replace("'", "'\\''") + "'" }.join(' ')
    }
}
