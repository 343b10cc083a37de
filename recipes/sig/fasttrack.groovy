// The FastTrack SIG on Rocky Linux 9. Data: sig-core-toolkit iso/empanadas/empanadas/sig/fasttrack.yaml ('9').
include 'base/sig9.groovy'

def sigName = 'fasttrack'
def project = '1af1c9e8-96a9-4753-9a1a-4b66d65de649'
def key     = 'RPM-GPG-KEY-Rocky-SIG-FastTrack'

repos {
    repo 'fasttrack-new'
    repo 'fasttrack-updates'
}
