// mini8, signed and with torrents: every repomd.xml and CHECKSUM signed after the last change, a torrent
// per DVD. The key is a throwaway one the spec makes.
include 'mini8.groovy'

publish {
    sign key: 'relengine-test@example.org', repomd: true, checksums: true
    torrents announce: ['udp://tracker.example.org:1337/announce'], comment: 'https://example.org/release_notes/8_1/'
}
