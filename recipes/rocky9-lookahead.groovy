// Rocky Linux 9 LookAhead: the next minor release from its own Peridot project, served from staging only.
include 'rocky9.groovy'

release version: '9.8', rc: 'LH1', final: false, channel: lookahead

source peridot, project: 'ae163d6a-f050-484f-bbaa-100ca673f146'

// the branch of rocky-release that gpg and extraFiles read, in rocky9.groovy
def branch = 'r9s'

images {
    remove 'WSL'    // WSL images are built for stable releases only
}

// A LookAhead delete-sync once deleted `devel`: it is protected explicitly.
publish {
    staging delete: true, protect: ['devel']
    remove 'production'
    remove 'vault'
    remove 'torrents'
    // the beta and lookahead syncs publish no errata (no apollo_tree in their cron jobs)
    remove 'updateinfo'
}
