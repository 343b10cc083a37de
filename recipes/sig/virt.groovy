// The Virt SIG on Rocky Linux 9. Data: sig-core-toolkit iso/empanadas/empanadas/sig/virt.yaml ('9').
include 'base/sig9.groovy'

def sigName = 'virt'
def project = '925ceece-47ce-4f51-90f7-ff8689e4fe5e'
def key     = 'RPM-GPG-KEY-Rocky-SIG-Virt'

repos {
    repo 'virt-common', arches: ['x86_64', 'aarch64', 'ppc64le']
}
