// The SYNC benchmark's recipe (bench/run): only a sync of BaseOS, AppStream and CRB on four arches, binary
// trees only, from the loopback server bench/run starts. bench/run puts the server's port for @PORT@ and a
// temporary directory for @ROOT@ into a copy of this file before it runs it.

release 'Rocky Linux', short: 'Rocky', version: '9.7'

arches 'x86_64', 'aarch64', 'ppc64le', 's390x'

source yum, url: 'http://127.0.0.1:@PORT@/{repo}/{arch}'

roots compose: '@ROOT@/compose', staging: '@ROOT@/staging', production: '@ROOT@/production'

repos {
    repo 'BaseOS'
    repo 'AppStream'
    repo 'CRB'
}

compose {
    sync from: yum, debug: false, source: false, kickstart: false, repoclosure: false
}
