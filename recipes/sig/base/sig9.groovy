// The base of every Rocky Linux 9 SIG recipe: the release, its arches, Peridot, the compose and publish steps
// sync_sig.py, sync-to-staging-sig.sh and sync-to-prod-sig.sh run. Each SIG recipe includes it and names its
// SIG, its Peridot project, its keys and its repos with the arches each exists on.
// Data: sig-core-toolkit (iso/empanadas/empanadas/sig/*.yaml, sync/common_9).

release 'Rocky Linux', short: 'Rocky', version: '9.7', final: true

arches 'x86_64', 'aarch64', 'ppc64le', 's390x'

source peridot, url: 'https://yumrepofs.build.resf.org/v1/projects', project: 'set-by-each-sig', hashed: true

compose {
    sync from: peridot, delete: true, kickstart: false
    finalize()
}

publish {
    staging delete: true, chown: '10004:10005'
    production delete: true, chown: '10004:10005'
    filelists modules: ['sig']
}
