// The HPC SIG on Rocky Linux 9. Data: sig-core-toolkit iso/empanadas/empanadas/sig/hpc.yaml ('9').
include 'base/sig9.groovy'

def sigName = 'hpc'
def project = 'aee28795-e163-4a99-935d-f0a78cf33e75'
def key     = 'RPM-GPG-KEY-Rocky-SIG-HPC'

repos {
    repo 'hpc-common'
    repo 'hpc-core'
}
