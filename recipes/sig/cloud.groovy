// The Cloud SIG on Rocky Linux 9. Data: sig-core-toolkit iso/empanadas/empanadas/sig/cloud.yaml ('9').
include 'base/sig9.groovy'

def sigName = 'cloud'
def project = '15016370-1410-4459-a1a2-a1576041fd19'
def key     = 'RPM-GPG-KEY-Rocky-SIG-Cloud'

repos {
    repo 'cloud-kernel', arches: ['aarch64', 'x86_64']
    repo 'cloud-common'
}
