// A small release for end-to-end specs: two arches, BaseOS and AppStream, a DVD. Same language and
// steps as recipes/rocky9.groovy, so that a whole compose takes seconds, not minutes.
release 'Mini Linux', short: 'Mini', version: '9.1', rc: 'RC1', final: true, code: 'Spec'
arches 'x86_64', 'aarch64'

source peridot, url: 'https://yumrepofs.example.org/v1/projects', project: 'mini9', hashed: true

extraFiles git: 'https://git.example.org/mini-release.git', ref: 'm9', files: ['EULA', 'LICENSE']
artifacts url: 'https://artifacts.example.org'

repos {
    repo 'BaseOS',    closure: true, comps: true
    repo 'AppStream', closure: ['BaseOS'], comps: true
}

images {
    lorax repos: ['BaseOS', 'AppStream'], variant: 'BaseOS'
    image 'dvd',    repos: ['BaseOS', 'AppStream'], variant: 'AppStream'
    image 'BaseOS', repos: ['BaseOS', 'AppStream'], disc: false, skip: true
}

compose {
    sync from: peridot, delete: true
    iso arches: all
    unpack()
    extras 'dvd'
    finalize()
}

publish {
    staging delete: true
    production delete: true, protect: ['devel']
    filelists modules: ['rocky']
}
