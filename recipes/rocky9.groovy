// Rocky Linux 9, as Rocky's release engineering composes it from Peridot.
// Data: sig-core-toolkit (iso/empanadas configs/el9.yaml, sync/common_9, mangle/generators/common.py).
// RC2 and final: the build that ships; staging gets 9.7-RC2, production 9.7, image names carry no RC level.

// Values used more than once. A recipe that includes this one may define any of them again: its value is
// used everywhere, here too (rocky9-beta.groovy sets `branch`).
def core      = ['BaseOS', 'AppStream']
def yumrepofs = 'https://yumrepofs.build.resf.org/v1/projects'
def release9  = 'https://git.rockylinux.org/staging/src/rocky-release'
def branch    = "r${release.major}"
def keys      = ["RPM-GPG-KEY-Rocky-${release.major}", "RPM-GPG-KEY-Rocky-${release.major}-Testing"]
def owner     = '10004:10005'
def desktops  = ['x86_64', 'aarch64']

release 'Rocky Linux', short: 'Rocky', version: '9.7', rc: 'RC2', final: true, code: 'Blue Onyx',
        bugurl: 'https://bugs.rockylinux.org'

arches 'x86_64', 'aarch64', 'ppc64le', 's390x', multilib: [x86_64: ['i686']]

source peridot, url: yumrepofs,
       project: 'e285fe05-8c5f-417a-a4a3-caeca4011896', hashed: true
source mirror, url: 'https://dl.rockylinux.org/stg/rocky'

gpg check: true, url: "${release9}/-/raw/${branch}/SOURCES/", keys: keys

extraFiles git: "${release9}.git", ref: branch, files: ['Contributors', 'COMMUNITY-CHARTER', 'EULA', 'LICENSE'] + keys

artifacts url: 'https://resf-empanadas.s3.us-east-2.amazonaws.com', bucket: 'resf-empanadas',
          region: 'us-east-2'

// build-iso runs as a Job per arch in the toolkit's image (launch-builds); results go to the bucket above
kubernetes namespace: 'empanadas', image: 'ghcr.io/rocky-linux/sig-core-toolkit:latest', secret: 'empanadas-s3',
           backoffLimit: 4

// Sync order is Rocky's all_repos order; `all` is published as `devel`, with i686 on x86_64.
repos {
    repo 'devel',            from: 'all', multilib: true, closure: true
    repo 'BaseOS',           closure: true, comps: true
    repo 'AppStream',        closure: ['BaseOS'], comps: true, modules: true
    repo 'CRB',              closure: core, comps: true, modules: true
    repo 'HighAvailability', closure: core, comps: true
    repo 'ResilientStorage', arches: ['x86_64', 'ppc64le', 's390x'], closure: core, comps: true
    repo 'RT',               arches: ['x86_64', 'aarch64'], closure: core, comps: true
    repo 'NFV',              arches: ['x86_64'], closure: core, comps: true
    repo 'SAP',              arches: ['x86_64', 'ppc64le', 's390x'], closure: core + ['HighAvailability'], comps: true
    repo 'SAPHANA',          arches: ['x86_64', 'ppc64le'], closure: core + ['HighAvailability'], comps: true
    repo 'extras'
    repo 'plus'
}

images {
    // sources: build-iso's extra_repos (el9.yaml), after the repos', as build_repo_list appends them
    lorax repos: core, variant: 'BaseOS', squashfsOnly: true, rootfsSize: 4,
          sources: ["${yumrepofs}/47e0b4a8-84ba-43a9-bb94-eb99dde4cf14/repo/core-common/{arch}",
                    "${yumrepofs}/47e0b4a8-84ba-43a9-bb94-eb99dde4cf14/repo/core-infra/{arch}"],
          requires: ['lorax', 'genisoimage', 'isomd5sum', 'lorax-templates-rhel', 'lorax-templates-generic', 'xorriso']

    // The ISO map: only the DVD is built; BaseOS is an installable tree, minimal is kept as data.
    image 'dvd',     repos: core, variant: 'AppStream'
    image 'minimal', repos: ['BaseOS'], variant: 'minimal', skip: true, graft: false
    image 'BaseOS',  repos: core, disc: false, skip: true

    cloud 'Azure',        format: 'vhd',    variants: ['Base', 'LVM'], primary: 'Base'
    cloud 'EC2',          format: 'qcow2',  variants: ['Base', 'LVM'], primary: 'Base'
    cloud 'GenericCloud', format: 'qcow2',  variants: ['Base', 'LVM'], primary: 'Base'
    cloud 'Container',    format: 'tar.xz', variants: ['Base', 'Minimal', 'Toolbox', 'UBI']
    cloud 'RPI',          format: 'raw.xz', arches: ['aarch64']
    cloud 'OCP',          format: 'qcow2',  variants: ['Base']
    cloud 'Vagrant',      format: 'box',    variants: ['Libvirt', 'Vbox', 'VMware']
    cloud 'WSL',          format: 'wsl',    variants: ['Base'], arches: desktops

    live 'Workstation',      kickstart: 'rocky-live-workstation.ks',      arches: desktops
    live 'Workstation-Lite', kickstart: 'rocky-live-workstation-lite.ks', arches: desktops
    live 'XFCE',             kickstart: 'rocky-live-xfce.ks',             arches: desktops
    live 'KDE',              kickstart: 'rocky-live-kde.ks',              arches: desktops
    live 'MATE',             kickstart: 'rocky-live-mate.ks',             arches: desktops
    live 'Cinnamon',         kickstart: 'rocky-live-cinnamon.ks',         arches: desktops
}

compose {
    sync from: peridot, delete: true, on: podman
    iso arches: all, on: kubernetes
    unpack()
    extras 'dvd', on: podman
    // build-iso-live: livemedia-creator in mock, from the kickstarts' r9 branch (its peridot set: the sync is from peridot)
    live kickstarts: 'https://git.resf.org/sig_core/kickstarts.git', on: mock, failable: true
    cloud failable: true
    finalize()
}

// Rocky 9: delete syncs; `devel` is copied to production but never deleted there.
publish {
    staging delete: true, chown: owner
    production delete: true, protect: ['devel'], chown: owner
    // apollo_tree after every update sync (cron/stable-updates-9): errata into each os tree but extras, plus, devel
    updateinfo url: 'https://apollo.build.resf.org/api/v3/updateinfo',
               repos: core + ['CRB', 'HighAvailability', 'ResilientStorage', 'RT', 'NFV', 'SAP', 'SAPHANA']
    // sign-repos-only.sh: the repomd.xml of every staged os, debug and source tree, before production
    signRepos key: 'releng@rockylinux.org', trees: ['os', 'debug', 'source']
    filelists modules: ['rocky'], root: true
    // vault-release.sh, in a run of its own once the next release is out: relengine run RECIPE --only vault --confirm
    vault repodata: true, chown: owner
    torrents announce: ['udp://tracker.opentrackr.org:1337/announce', 'udp://tracker.openbittorrent.com:80/announce'],
             comment: "https://docs.rockylinux.org/release_notes/${release.major}_${release.minor}/"
}
