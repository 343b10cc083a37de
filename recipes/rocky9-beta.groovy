// Rocky Linux 9 beta: the next minor release, served from staging only.
include 'rocky9.groovy'

release version: '9.8', rc: 'BETA1', final: false, channel: beta

// the branch of rocky-release that gpg and extraFiles read, in rocky9.groovy
def branch = 'r9-beta'

images {
    remove 'WSL'    // WSL images are built for stable releases only
}

// Beta and LookAhead never reach production; the staging delete-sync leaves `devel` alone.
publish {
    staging delete: true, protect: ['devel']
    remove 'production'
    remove 'vault'
    remove 'torrents'
    // the beta and lookahead syncs publish no errata (no apollo_tree in their cron jobs)
    remove 'updateinfo'
}
