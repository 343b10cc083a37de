// The AltArch SIG on Rocky Linux 9. Data: sig-core-toolkit iso/empanadas/empanadas/sig/altarch.yaml ('9').
include 'base/sig9.groovy'

def sigName = 'altarch'
def project = '6047887d-a395-4bc7-a0bd-fc1873b5d13d'
def key     = 'RPM-GPG-KEY-Rocky-SIG-AltArch'

// Not expressed by this recipe: the yaml's additional_dirs: ['images'] (sync_sig.py, via dnf_utils.py
// create_additional_dirs, makes sure this directory exists in the sync root).

repos {
    repo 'altarch-common',   arches: ['aarch64']
    repo 'altarch-rockyrpi', arches: ['aarch64']
    repo 'altarch-devel',    arches: ['aarch64']
}
