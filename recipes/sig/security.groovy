// The Security SIG on Rocky Linux 9. Data: sig-core-toolkit iso/empanadas/empanadas/sig/security.yaml ('9').
include 'base/sig9.groovy'

sig 'security'

source peridot, project: '041a90b2-51f5-44a4-8be8-b2905c1ad95b'

gpg check: true, url: 'https://git.rockylinux.org/staging/src/rocky-release-security/-/raw/r9/SOURCES/',
    keys: ['RPM-GPG-KEY-Rocky-SIG-Security']

extraFiles git: 'https://git.rockylinux.org/staging/src/rocky-release-security.git', ref: 'r9',
           files: ['SOURCES/RPM-GPG-KEY-Rocky-SIG-Security']

repos {
    repo 'security-common'
}
