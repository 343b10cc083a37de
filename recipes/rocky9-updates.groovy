// Rocky Linux 9 updates as cron/stable-updates-9 publishes them today: Pungi composes them (updates-9-full.sh), then
// sync-to-staging.sh, apollo_tree and sign-repos-only.sh run on Pungi's compose. This recipe is that publish half for
// Pungi's `Rocky` compose, found through its latest link: the update run. The minor release of the same compose is
// rocky9-pungi.groovy. Its `Extras` (extras, plus) and `Rocky-devel` (devel) composes are separate directories.
include 'rocky9.groovy'

existing compose: "/mnt/compose/${release.major}/latest-${release.short}-${release.major}"

repos {
    remove 'extras'
    remove 'devel'
    remove 'plus'
}

publish {
    // sync-to-staging.sh: the old repodata out, a non-delete rsync without the install and boot data, then
    // createrepo_c --update on every tree with its comps and module metadata (rocky-module-metadata's 9_metadata)
    staging delete: false, createrepo: true, chown: owner,
            exclude: ['ppc', 'images', 'boot', '.discinfo', '.treeinfo', 'EFI', 'isolinux', 'media.repo', 'EULA',
                      'LICENSE', 'COMMUNITY-CHARTER', 'extra_files.json', 'Minimal', 'Cloud']
    // the update cron job makes no torrents: they belong to the point release
    remove 'torrents'
}
