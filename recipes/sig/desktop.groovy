// The Desktop SIG on Rocky Linux 9. Data: sig-core-toolkit iso/empanadas/empanadas/sig/desktop.yaml ('9').
include 'base/sig9.groovy'

sig 'desktop'

source peridot, project: 'b0460c25-22cf-496c-a3a3-067b9a2af14a'

gpg check: true, url: 'https://git.rockylinux.org/staging/src/rocky-release-desktop/-/raw/r9/SOURCES/',
    keys: ['RPM-GPG-KEY-Rocky-SIG-Desktop']

extraFiles git: 'https://git.rockylinux.org/staging/src/rocky-release-desktop.git', ref: 'r9',
           files: ['SOURCES/RPM-GPG-KEY-Rocky-SIG-Desktop']

repos {
    repo 'desktop-common', arches: ['x86_64', 'aarch64']
}
