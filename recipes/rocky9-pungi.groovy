// Rocky Linux 9's minor release as minor-release-sync-to-staging.sh publishes a Pungi compose: the compose found
// through its latest link is synced into staging without deleting, its ISOs (Pungi leaves them in BaseOS/<arch>/iso
// and Minimal/<arch>/iso) go to isos/<arch> with their latest links, manifests and CHECKSUM, each comps repo gets its
// kickstart tree, BaseOS's .treeinfo names AppStream, the os and kickstart trees are signed, and staging is
// hardlinked. Pungi's `Extras` and `Rocky-devel` composes (extras, plus, devel) are separate directories.
include 'rocky9.groovy'

existing compose: "/mnt/compose/${release.major}/latest-${release.short}-${release.major}"

repos {
    remove 'extras'
    remove 'devel'
    remove 'plus'
}

images {
    // Pungi builds the minimal ISO (ISO_TYPES: BaseOS Minimal)
    image 'minimal', repos: ['BaseOS'], variant: 'minimal', skip: false
}

publish {
    staging delete: false, chown: owner
    minorRelease isos: ['BaseOS', 'Minimal'], drop: ['Minimal', 'Cloud']
    // the minor release signs what it staged: every os and kickstart tree
    signRepos key: 'releng@rockylinux.org', trees: ['os', 'kickstart']
    // errata come with the update runs after the release
    remove 'updateinfo'
}
