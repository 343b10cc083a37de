// Rocky Linux 8 updates as cron/stable-updates-8 publishes them today: Pungi composes them
// (updates-8-full.sh), then sync-to-staging.sh, apollo_tree and the signing run on Pungi's compose.
// This recipe is that publish half: the compose is Pungi's, found through its latest link.
include 'rocky8.groovy'

existing compose: '/mnt/compose/8/latest-Rocky-8'

publish {
    // the update cron job makes no torrents: they belong to the point release
    remove 'torrents'
}
