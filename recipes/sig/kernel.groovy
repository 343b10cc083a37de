// The Kernel SIG on Rocky Linux 9. Data: sig-core-toolkit iso/empanadas/empanadas/sig/kernel.yaml ('9').
include 'base/sig9.groovy'

def sigName = 'kernel'
def project = '708f99fe-7e89-4241-959a-4ff259786b4a'
def key     = 'RPM-GPG-KEY-Rocky-SIG-Kernel'

repos {
    repo 'kernel-lts'
    repo 'kernel-drivers'
    repo 'kernel-mainline'
}
