// The Core SIG on Rocky Linux 9. Data: sig-core-toolkit iso/empanadas/empanadas/sig/core.yaml ('9').
include 'base/sig9.groovy'

def sigName = 'core'
def project = '47e0b4a8-84ba-43a9-bb94-eb99dde4cf14'
def key     = 'RPM-GPG-KEY-Rocky-SIG-Core'

repos {
    repo 'core-common'
    repo 'core-infra'
}
