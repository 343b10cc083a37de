// The Kernel SIG on Rocky Linux 9. Data: sig-core-toolkit iso/empanadas/empanadas/sig/kernel.yaml ('9').
include 'base/sig9.groovy'

sig 'kernel'

source peridot, project: '708f99fe-7e89-4241-959a-4ff259786b4a'

gpg check: true, url: 'https://git.rockylinux.org/staging/src/rocky-release-kernel/-/raw/r9/SOURCES/',
    keys: ['RPM-GPG-KEY-Rocky-SIG-Kernel']

extraFiles git: 'https://git.rockylinux.org/staging/src/rocky-release-kernel.git', ref: 'r9',
           files: ['SOURCES/RPM-GPG-KEY-Rocky-SIG-Kernel']

repos {
    repo 'kernel-lts'
    repo 'kernel-drivers'
    repo 'kernel-mainline'
}
