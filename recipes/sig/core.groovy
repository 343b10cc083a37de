// The Core SIG on Rocky Linux 9. Data: sig-core-toolkit iso/empanadas/empanadas/sig/core.yaml ('9').
include 'base/sig9.groovy'

sig 'core'

source peridot, project: '47e0b4a8-84ba-43a9-bb94-eb99dde4cf14'

gpg check: true, url: 'https://git.rockylinux.org/staging/src/rocky-release-core/-/raw/r9/SOURCES/',
    keys: ['RPM-GPG-KEY-Rocky-SIG-Core']

extraFiles git: 'https://git.rockylinux.org/staging/src/rocky-release-core.git', ref: 'r9',
           files: ['SOURCES/RPM-GPG-KEY-Rocky-SIG-Core']

repos {
    repo 'core-common'
    repo 'core-infra'
}
