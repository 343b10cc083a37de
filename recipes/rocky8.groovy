// Rocky Linux 8, as Rocky's release engineering composes and updates it.
// Data: sig-core-toolkit (iso/empanadas configs/el8.yaml, sync/common_8, mangle/generators/common.py).
// Updates go out through the non-delete staging sync with createrepo and repomd signing.

// Values used more than once; a recipe that includes this one may define any of them again.
def core     = ['BaseOS', 'AppStream']
def release8 = 'https://git.rockylinux.org/staging/src/rocky-release'
def branch   = "r${release.major}"
def keys     = ['RPM-GPG-KEY-rockyofficial', 'RPM-GPG-KEY-rockytesting']
def owner    = '10004:10005'

release 'Rocky Linux', short: 'Rocky', version: '8.10', rc: 'RC2', final: true, code: 'Green Obsidian',
        bugurl: 'https://bugs.rockylinux.org'

arches 'x86_64', 'aarch64'

source peridot, url: 'https://yumrepofs.build.resf.org/v1/projects',
       project: 'df5bcbfc-ba83-4da8-84d6-ae0168921b4d', hashed: true
source mirror, url: 'https://dl.rockylinux.org/stg/rocky'

gpg check: true, url: "${release8}/-/raw/${branch}/SOURCES/", keys: keys

extraFiles git: "${release8}.git", ref: branch, files: ['COMMUNITY-CHARTER', 'EULA', 'LICENSE'] + keys

artifacts url: 'https://resf-empanadas.s3.us-east-2.amazonaws.com', bucket: 'resf-empanadas',
          region: 'us-east-2'

// build-iso runs as a Job per arch in the toolkit's image (launch-builds); results go to the bucket above
kubernetes namespace: 'empanadas', image: 'ghcr.io/rocky-linux/sig-core-toolkit:latest', secret: 'empanadas-s3',
           backoffLimit: 4

// Comps repos (Rocky's MODS_REPOS) get kickstart trees; AppStream and PowerTools carry modules.
repos {
    repo 'BaseOS',           closure: true, comps: true
    repo 'AppStream',        closure: ['BaseOS'], comps: true, modules: true
    repo 'PowerTools',       closure: core, comps: true, modules: true
    repo 'HighAvailability', closure: core, comps: true
    repo 'ResilientStorage', closure: core, comps: true
    repo 'RT',               arches: ['x86_64'], closure: core, comps: true
    repo 'NFV',              arches: ['x86_64'], closure: core, comps: true
    repo 'extras',           kickstart: false
    repo 'devel',            closure: true, kickstart: false
    repo 'plus',             kickstart: false
}

images {
    lorax repos: core, variant: 'BaseOS', removes: ['libreport-rhel-anaconda-bugzilla'],
          requires: ['lorax', 'genisoimage', 'isomd5sum', 'lorax-templates-rhel', 'lorax-templates-generic', 'xorriso']

    image 'dvd',     repos: core, variant: 'AppStream'
    // ISO map: el8 leaves minimal's reposcan unset, i.e. empanadas' default yes (9 sets it to no), so graft is the default.
    image 'minimal', repos: ['BaseOS'], variant: 'minimal', skip: true
    image 'BaseOS',  repos: core, disc: false, skip: true

    cloud 'Azure',        format: 'vhd',    variants: ['Base', 'LVM'], primary: 'Base'
    cloud 'EC2',          format: 'qcow2',  variants: ['Base', 'LVM'], primary: 'Base'
    cloud 'GenericCloud', format: 'qcow2',  variants: ['Base', 'LVM'], primary: 'Base'
    cloud 'Container',    format: 'tar.xz', variants: ['Base', 'Minimal', 'Toolbox', 'UBI']
    cloud 'RPI',          format: 'raw.xz', arches: ['aarch64']
    cloud 'OCP',          format: 'qcow2',  variants: ['Base']
    cloud 'Vagrant',      format: 'box',    variants: ['Libvirt', 'Vbox', 'VMware']

    live 'Workstation',      kickstart: 'rocky-live-workstation.ks',      arches: ['x86_64']
    live 'Workstation-Lite', kickstart: 'rocky-live-workstation-lite.ks', arches: ['x86_64']
    live 'XFCE',             kickstart: 'rocky-live-xfce.ks',             arches: ['x86_64']
    live 'KDE',              kickstart: 'rocky-live-kde.ks',              arches: ['x86_64']
}

compose {
    sync from: peridot, delete: false, on: podman
    iso arches: all, on: kubernetes
    unpack()
    extras 'dvd', on: podman
    live kickstarts: 'https://git.resf.org/sig_core/kickstarts.git', on: mock, failable: true
    cloud failable: true
    finalize()
}

// Rocky 8: old package versions stay available for the life of a point release, so staging is
// updated without deleting, repodata rebuilt with comps and modules, then every repomd.xml signed.
publish {
    staging delete: false, createrepo: true, chown: owner,
            exclude: ['ppc', 'images', 'boot', '.discinfo', '.treeinfo', 'EFI', 'isolinux', 'media.repo',
                      'EULA', 'LICENSE', 'COMMUNITY-CHARTER', 'extra_files.json', 'Minimal', 'Cloud'],
            // common_8's LINK_REPOS: the names NFV and devel had when they were composed apart
            links: [nfv: 'NFV', Devel: 'devel']
    // apollo_tree after every update sync (cron/stable-updates-8), which ignores devel, extras and plus
    updateinfo url: 'https://apollo.build.resf.org/api/v3/updateinfo',
               repos: core + ['PowerTools', 'HighAvailability', 'ResilientStorage', 'RT', 'NFV']
    sign key: 'infrastructure@rockylinux.org', repomd: true
    production delete: true, chown: owner
    filelists modules: ['rocky'], root: true
    // vault-release.sh, in a run of its own once the next release is out: relengine run RECIPE --only vault --confirm
    vault repodata: true, chown: owner
    torrents announce: ['udp://tracker.opentrackr.org:1337/announce', 'udp://tracker.openbittorrent.com:80/announce'],
             comment: "https://docs.rockylinux.org/release_notes/${release.major}_${release.minor}/"
}
