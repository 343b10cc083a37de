// The Cloud SIG on Rocky Linux 9. Data: sig-core-toolkit iso/empanadas/empanadas/sig/cloud.yaml ('9').
include 'base/sig9.groovy'

sig 'cloud'

source peridot, project: '15016370-1410-4459-a1a2-a1576041fd19'

gpg check: true, url: 'https://git.rockylinux.org/staging/src/rocky-release-cloud/-/raw/r9/SOURCES/',
    keys: ['RPM-GPG-KEY-Rocky-SIG-Cloud']

extraFiles git: 'https://git.rockylinux.org/staging/src/rocky-release-cloud.git', ref: 'r9',
           files: ['SOURCES/RPM-GPG-KEY-Rocky-SIG-Cloud']

repos {
    repo 'cloud-kernel', arches: ['aarch64', 'x86_64']
    repo 'cloud-common'
}
