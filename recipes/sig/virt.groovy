// The Virt SIG on Rocky Linux 9. Data: sig-core-toolkit iso/empanadas/empanadas/sig/virt.yaml ('9').
include 'base/sig9.groovy'

sig 'virt'

source peridot, project: '925ceece-47ce-4f51-90f7-ff8689e4fe5e'

gpg check: true, url: 'https://git.rockylinux.org/staging/src/rocky-release-virt/-/raw/r9/SOURCES/',
    keys: ['RPM-GPG-KEY-Rocky-SIG-Virt']

extraFiles git: 'https://git.rockylinux.org/staging/src/rocky-release-virt.git', ref: 'r9',
           files: ['SOURCES/RPM-GPG-KEY-Rocky-SIG-Virt']

repos {
    repo 'virt-common', arches: ['x86_64', 'aarch64', 'ppc64le']
}
