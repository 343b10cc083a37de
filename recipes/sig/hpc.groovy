// The HPC SIG on Rocky Linux 9. Data: sig-core-toolkit iso/empanadas/empanadas/sig/hpc.yaml ('9').
include 'base/sig9.groovy'

sig 'hpc'

source peridot, project: 'aee28795-e163-4a99-935d-f0a78cf33e75'

gpg check: true, url: 'https://git.rockylinux.org/staging/src/rocky-release-hpc/-/raw/r9/SOURCES/',
    keys: ['RPM-GPG-KEY-Rocky-SIG-HPC']

extraFiles git: 'https://git.rockylinux.org/staging/src/rocky-release-hpc.git', ref: 'r9',
           files: ['SOURCES/RPM-GPG-KEY-Rocky-SIG-HPC']

repos {
    repo 'hpc-common'
    repo 'hpc-core'
}
