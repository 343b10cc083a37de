// The Desktop SIG on Rocky Linux 9. Data: sig-core-toolkit iso/empanadas/empanadas/sig/desktop.yaml ('9').
include 'base/sig9.groovy'

def sigName = 'desktop'
def project = 'b0460c25-22cf-496c-a3a3-067b9a2af14a'
def key     = 'RPM-GPG-KEY-Rocky-SIG-Desktop'

repos {
    repo 'desktop-common', arches: ['x86_64', 'aarch64']
}
