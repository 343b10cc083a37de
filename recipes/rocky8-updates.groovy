// Rocky Linux 8 updates as cron/stable-updates-8 publishes them today: Pungi composes them
// (updates-8-full.sh), then sync-to-staging.sh, apollo_tree and the signing run on Pungi's compose.
// This recipe is that publish half for Pungi's `Rocky` compose, found through its latest link. Its
// `Extras` (extras, plus) and `Rocky-devel` (devel) composes are separate directories: each needs a
// recipe of its own, which relengine does not ship yet.
include 'rocky8.groovy'

existing compose: "/mnt/compose/${release.major}/latest-${release.short}-${release.major}"

repos {
    remove 'extras'
    remove 'devel'
    remove 'plus'
}

publish {
    // devel is not in this compose; LINK_REPOS' nfv link is
    staging links: [nfv: 'NFV']
    // the update cron job makes no torrents: they belong to the point release
    remove 'torrents'
}
