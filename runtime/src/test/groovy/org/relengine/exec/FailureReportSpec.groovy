package org.relengine.exec

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/** Why a sync failed, read from its log as Rocky's sync units word it. */
class FailureReportSpec extends Specification {

    @TempDir
    Path dir

    def "#what: #cause"() {
        given:
        Path tree = Files.createDirectories(dir.resolve('compose/BaseOS/x86_64/os'))
        Path log = dir.resolve('sync.log')
        Files.writeString(log, "\$ dnf reposync -c /c.repo --repoid=BaseOS-x86_64 -p $tree --norepopath\n" + body)

        expect:
        FailureReport.syncFailure(log) == cause.replace('TREE', tree.toString())

        where:
        what                                       | body                                                                                                  || cause
        'metadata that cannot be parsed, disk roomy' | "Error: Failed to download metadata for repo 'BaseOS-x86_64': repomd.xml parser error: Parse error\n" || 'the repo is unreachable (its metadata could not be downloaded)'
        'Python\'s ENOSPC'                         | '[Errno 28] No space left on device\n'                                                                || 'no space left on device: dnf could not write into TREE or its cache'
        'a key violation'                          | 'Public key for demo-1.0-1.rpm is not installed\n'                                                    || 'packages were removed due to a signature key violation (Public key … is not installed)'
        'a package that failed'                    | '[FAILED] demo-1.0-1.rpm: Status code: 404\n'                                                          || 'some packages did not download'
        'the sync engine finds no server'          | 'relengine: GET http://127.0.0.1:9/BaseOS/x86_64/repodata/repomd.xml: cannot connect to 127.0.0.1:9 (Connection refused) (tried 5 times)\n' || 'the repo is unreachable (its metadata could not be downloaded)'
    }
}
