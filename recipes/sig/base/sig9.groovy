// The base of every Rocky Linux 9 SIG recipe: the release, its arches, Peridot, the compose and publish steps
// sync_sig.py, sync-to-staging-sig.sh and sync-to-prod-sig.sh run. Each SIG recipe includes it, defines the
// three constants below and declares its repos with the arches each exists on:
//   sigName   the SIG, as its directory on the mirror and its rocky-release-<sigName> repository name it
//   project   its Peridot project
//   key       its key file, in SOURCES/ of rocky-release-<sigName>
// Data: sig-core-toolkit (iso/empanadas/empanadas/sig/*.yaml, sync/common_9).

release 'Rocky Linux', short: 'Rocky', version: '9.7', final: true

arches 'x86_64', 'aarch64', 'ppc64le', 's390x'

def releaseRepo = "https://git.rockylinux.org/staging/src/rocky-release-${sigName}"

sig sigName

source peridot, url: 'https://yumrepofs.build.resf.org/v1/projects', project: project, hashed: true

gpg check: true, url: "${releaseRepo}/-/raw/r${release.major}/SOURCES/", keys: [key]

extraFiles git: "${releaseRepo}.git", ref: "r${release.major}", files: ["SOURCES/${key}"]

compose {
    sync from: peridot, delete: true, kickstart: false
    finalize()
}

publish {
    staging delete: true, chown: '10004:10005'
    production delete: true, chown: '10004:10005'
    filelists modules: ['sig']
}
