// mini8 published the way Rocky 8 updates are: staging is updated without deleting (old package versions
// stay), each repo's repodata is rebuilt with createrepo_c --update and its comps and module metadata given
// back, then every repomd.xml is signed. The key is a throwaway one the spec makes.
include 'mini8.groovy'

repos {
    repo 'AppStream', modules: true
}

publish {
    staging delete: false, createrepo: true
    sign key: 'relengine-test@example.org', repomd: true
    remove 'production'
    remove 'filelists'
}
