// The Security SIG on Rocky Linux 9. Data: sig-core-toolkit iso/empanadas/empanadas/sig/security.yaml ('9').
include 'base/sig9.groovy'

def sigName = 'security'
def project = '041a90b2-51f5-44a4-8be8-b2905c1ad95b'
def key     = 'RPM-GPG-KEY-Rocky-SIG-Security'

repos {
    repo 'security-common'
}
