// The FastTrack SIG on Rocky Linux 9. Data: sig-core-toolkit iso/empanadas/empanadas/sig/fasttrack.yaml ('9').
include 'base/sig9.groovy'

sig 'fasttrack'

source peridot, project: '1af1c9e8-96a9-4753-9a1a-4b66d65de649'

gpg check: true, url: 'https://git.rockylinux.org/staging/src/rocky-release-fasttrack/-/raw/r9/SOURCES/',
    keys: ['RPM-GPG-KEY-Rocky-SIG-FastTrack']

extraFiles git: 'https://git.rockylinux.org/staging/src/rocky-release-fasttrack.git', ref: 'r9',
           files: ['SOURCES/RPM-GPG-KEY-Rocky-SIG-FastTrack']

repos {
    repo 'fasttrack-new'
    repo 'fasttrack-updates'
}
