package org.relengine.compile

import spock.lang.Specification

/**
 * Every mistake that can be known before running is reported at its exact position, in the recipe's
 * words, with a did-you-mean where a valid name is near. Each row breaks the valid baseline recipe
 * (see RecipeFixture) and names the first error: line, column, code, message and hint.
 */
class BrokenRecipeSpec extends Specification implements RecipeFixture {

    def "#mistake is reported at #line:#column"() {
        given:
        def text = edits instanceof Map ? baselineWith(edits as Map<Integer, String>) : edits as String

        when:
        def result = load(text)
        def first = result.diagnostics().all().find { it.isError() }

        then:
        !result.ok()
        first != null
        first.at().file() == 'recipe.groovy'
        [first.at().line(), first.at().column()] == [line, column]
        first.code() == code
        first.message() == message
        first.hint() == hint

        where:
        mistake                          | edits                                                                  || line | column | code   | message                                                                                                  | hint
        'a misspelt arch'                | [2: "arches 'x86_64', 'aarch46'"]                                      || 2    | 18     | 'R305' | 'unknown arch `aarch46`'                                                                                 | 'did you mean `aarch64`?'
        'an unknown arch, nothing near'  | [2: "arches 'x86_64', 'sparc'"]                                        || 2    | 18     | 'R305' | 'unknown arch `sparc`'                                                                                   | 'known arches: x86_64, aarch64, ppc64le, s390x, i686, riscv64, armv7hl'
        'an arch listed twice'           | [2: "arches 'x86_64', 'aarch64', 'x86_64'"]                            || 2    | 29     | 'R306' | 'arch `x86_64` is listed twice'                                                                          | null
        'a misspelt top-level keyword'   | [2: "arch 'x86_64', 'aarch64', 'ppc64le', 's390x'"]                    || 2    | 1      | 'R102' | 'unknown keyword `arch` in a recipe'                                                                     | 'did you mean `arches`?'
        'a word that is no keyword'      | [4: "frobnicate true"]                                                 || 4    | 1      | 'R102' | 'unknown keyword `frobnicate` in a recipe'                                                               | 'keywords here: include, release, arches, source, gpg, extraFiles, artifacts, podman, mock, kubernetes, sig, existing, roots, repos, images, compose, publish'
        'a misspelt keyword in a block'  | [15: "    synk from: peridot, delete: true"]                           || 15   | 5      | 'R102' | 'unknown keyword `synk` in `compose { … }`'                                                              | 'did you mean `sync`?'
        'a block keyword at top level'   | [4: "repo 'CRB'"]                                                      || 4    | 1      | 'R103' | '`repo` is not allowed at the top level of a recipe; it belongs inside `repos { … }`'                    | null
        'a top-level keyword in a block' | [6: "    arches 'x86_64'"]                                             || 6    | 5      | 'R114' | '`arches` is not allowed in `repos { … }`; it belongs at the top level of the recipe'                        | null
        'a misspelt option'              | [3: "source peridot, url: 'https://y.example/v1', project: 'p', hashd: true"] || 3 | 60  | 'R104' | 'unknown option `hashd` for `source`'                                                                    | 'did you mean `hashed`?'
        'an option nothing is near'      | [22: "    staging delete: true, colour: 'red'"]                        || 22   | 27     | 'R104' | 'unknown option `colour` for `staging`'                                                                  | 'options of `staging`: delete, exclude, protect, createrepo, hardlink, suffix, links, chown'
        'a misspelt step option'         | [15: "    sync from: peridot, delet: true"]                            || 15   | 25     | 'R104' | 'unknown option `delet` for `sync`'                                                                      | 'did you mean `delete`?'
        'an option given twice'          | [15: "    sync from: peridot, delete: true, delete: false"]            || 15   | 39     | 'R105' | 'option `delete` is given twice'                                                               | null
        'a version written as a number'  | [1: "release 'Rocky Linux', version: 9.5"]                             || 1    | 33     | 'R106' | 'option `version` of `release` must be a string, e.g. \'BaseOS\', not the number 9.5'                     | "put it in quotes: '9.5'"
        'a list where a string goes'     | [1: "release 'Rocky Linux', version: ['9.5']"]                         || 1    | 33     | 'R106' | 'option `version` of `release` must be a string, e.g. \'BaseOS\', not a list'                             | null
        'a string where a list goes'     | [12: "    image 'dvd', repos: 'BaseOS'; lorax repos: ['BaseOS']"]                               || 12   | 25     | 'R106' | 'option `repos` of `image` must be a list of strings, e.g. [\'BaseOS\', \'AppStream\'], not the string \'BaseOS\'' | "put it in a list: ['BaseOS']"
        'a number in a list of arches'   | [8: "    repo 'RT', arches: ['x86_64', 64]"]                          || 8    | 35     | 'R106' | 'each element of option `arches` of `repo` must be a string, e.g. \'BaseOS\', not the number 64'           | null
        'a string where true/false goes' | [15: "    sync from: peridot, delete: 'yes'"]                          || 15   | 33     | 'R106' | 'option `delete` of `sync` must be true or false, not the string \'yes\''                                 | null
        'a quoted vocabulary word'       | [18: "    extras 'dvd', on: 'podman'"]                                 || 18   | 23     | 'R106' | 'option `on` of `extras` must be an executor: local, podman, mock or kubernetes, not the string \'podman\'' | 'write it without quotes: podman'
        'a misspelt vocabulary word'     | [18: "    extras 'dvd', on: podmn"]                                    || 18   | 23     | 'R110' | 'unknown name `podmn`'                                                                                   | 'did you mean `podman`?'
        'a misspelt source'              | [15: "    sync from: perdot"]                                          || 15   | 16     | 'R110' | 'unknown name `perdot`'                                                                                  | 'did you mean `peridot`?'
        'a misspelt channel'             | [1: "release 'Rocky Linux', version: '9.5', channel: stabel"]          || 1    | 49     | 'R110' | 'unknown name `stabel`'                                                                                  | 'did you mean `stable`?'
        'an unquoted string'             | [2: "arches x86_64"]                                                   || 2    | 8      | 'R110' | 'unknown name `x86_64`'                                                                                  | "strings are written in quotes: 'x86_64'"
        'a zero-argument keyword bare'   | [19: "    finalize"]                                                   || 19   | 5      | 'R111' | '`finalize` needs parentheses: write `finalize()`'                                                       | 'a keyword without arguments is written with empty parentheses'
        'an argument to unpack'          | [17: "    unpack 'now'"]                                               || 17   | 12     | 'R107' | '`unpack` takes no arguments, not 1'                                                                     | 'e.g. unpack()'
        'a repo without a name'          | [6: "    repo closure: true"]                                          || 6    | 5      | 'R107' | '`repo` takes one name, not 0'                                                                           | "e.g. repo 'RT', arches: ['x86_64', 'aarch64'], closure: ['BaseOS', 'AppStream']"
        'a block after a plain keyword'  | [15: "    sync(from: peridot) { delete true }"]                        || 15   | 25     | 'R109' | '`sync` takes no block'                                                                                  | 'options are written after the keyword: e.g. sync from: peridot, delete: true'
        'a syntax error'                 | [2: "arches 'x86_64', , 'aarch64'"]                                    || 2    | 16     | 'R101' | "syntax error: unexpected input: ','"                                                                    | null
        'an unterminated string'         | [2: "arches 'x86_64', 'aarch64"]                                       || 2    | 18     | 'R101' | "syntax error: unexpected character: '\\''"                                                             | null
        'a syntax error inside a block'  | [6: "    repo 'BaseOS', closure: true)"]                               || 5    | 7      | 'R101' | "syntax error: unexpected input: '{'"                                                                    | 'a mistake inside a `{ … }` block is reported at its opening brace: look inside the block'
        'a malformed version'            | [1: "release 'Rocky Linux', version: '9'"]                             || 1    | 33     | 'R303' | "malformed version `9`: write major.minor, e.g. '9.5'"                                                   | null
        'a version with letters'         | [1: "release 'Rocky Linux', version: '9.x'"]                           || 1    | 33     | 'R303' | "malformed version `9.x`: write major.minor, e.g. '9.5'"                                                 | null
        'a malformed RC level'           | [1: "release 'Rocky Linux', version: '9.5', rc: 'rc1'"]                || 1    | 44     | 'R304' | 'malformed RC level `rc1`: write RC1, BETA1 or LH1'                                                      | null
        'a release without a version'    | [1: "release 'Rocky Linux', short: 'Rocky'"]                           || 1    | 1      | 'R302' | '`release` needs the option `version`'                                                                   | "e.g. version: '9.5'"
        'no release at all'              | [1: "// no release"]                                                   || 1    | 1      | 'R301' | 'the recipe declares no `release`'                                                                       | "start the recipe with e.g. release 'Rocky Linux', version: '9.5'"
        'a Peridot source without project' | [3: "source peridot, url: 'https://y.example/v1', hashed: true"]     || 3    | 1      | 'R302' | '`source peridot` needs the option `project`'                                                            | 'the Peridot project id'
        'gpg checking without keys'      | [4: "gpg check: true"]                                                 || 4    | 1      | 'R302' | '`gpg` needs the option `keys`'                                                                          | 'or turn checking off with check: false'
        'a repo on an undeclared arch'   | [8: "    repo 'RT', arches: ['x86_64', 'riscv64']"]                   || 8    | 35     | 'R307' | "repo `RT` is declared on `riscv64`, which is not one of the release's arches (x86_64, aarch64, ppc64le, s390x)" | null
        'a repo on a misspelt arch'      | [8: "    repo 'RT', arches: ['x86-64', 'aarch64']"]                   || 8    | 25     | 'R305' | 'unknown arch `x86-64`'                                                                                  | 'did you mean `x86_64`?'
        'multilib for a foreign arch'    | [2: "arches 'x86_64', 'aarch64', 'ppc64le', 's390x', multilib: [riscv64: ['i686']]"] || 2 | 60 | 'R317' | "multilib arches are given for `riscv64`, which is not one of the release's arches"          | null
        'a repo declared twice'          | [9: "    repo 'BaseOS'"]                                               || 9    | 5      | 'R204' | "`repo 'BaseOS'` is declared twice"                                                                      | 'declare it once; an including recipe may override it'
        'closure on an undeclared repo'  | [7: "    repo 'AppStream', closure: ['BaseOs']"]                      || 7    | 33     | 'R308' | 'the closure of repo `AppStream` names repo `BaseOs`, which is not declared'                             | 'did you mean `BaseOS`?'
        'closure on itself'              | [6: "    repo 'BaseOS', closure: ['BaseOS']"]                          || 6    | 30     | 'R309' | 'the closure of repo `BaseOS` names the repo itself'                                                     | 'a repo is always checked against itself; leave it out'
        'a closure cycle'                | [6: "    repo 'BaseOS', closure: ['AppStream']"]                       || 6    | 30     | 'R310' | 'closure cycle: `BaseOS` → `AppStream` → `BaseOS`'                                                       | 'repoclosure checks a repo against others that are already closed; break the cycle'
        'closure on a repo missing on an arch' | [7: "    repo 'AppStream', closure: ['RT']"]                     || 7    | 33     | 'R311' | 'the closure of repo `AppStream` needs repo `RT` on ppc64le, s390x, where `RT` does not exist'           | 'limit repo `AppStream` to the arches of `RT`, or drop `RT` from its closure'
        'an image with an undeclared repo' | [12: "    image 'dvd', repos: ['BaseOS', 'Appstream']; lorax repos: ['BaseOS']"]              || 12   | 36     | 'R308' | 'image `dvd` names repo `Appstream`, which is not declared'                                              | 'did you mean `AppStream`?'
        'a volume id over 32 characters' | [12: "    image 'dvd-and-more-stuff', repos: ['BaseOS']; lorax repos: ['BaseOS']", 18: "    extras 'dvd-and-more-stuff'"] || 12 | 11 | 'R312' | 'volume id `Rocky-9-5-RC1-x86_64-dvd-and-more-stuff` is 39 characters long; ISO 9660 allows at most 32' | "shorten the image name or the release's short name"
        'extras of an undeclared image'  | [18: "    extras 'dvdd'"]                                               || 18   | 12     | 'R315' | '`extras` names image `dvdd`, which is not declared'                                                     | 'did you mean `dvd`?'
        'extras of a skipped image'      | [12: "    image 'dvd', repos: ['BaseOS'], skip: true; lorax repos: ['BaseOS']"]                  || 18   | 12     | 'R316' | "`extras 'dvd'` builds an image that is declared with skip: true"                                         | 'remove `skip: true` from the image, or this step'
        'a step whose prerequisite is missing' | [16: ""]                                                        || 17   | 5      | 'R313' | 'step `unpack` needs step `iso`, which the recipe does not declare'                                      | 'declare `iso` in `compose { … }`'
        'extras whose boot images nothing builds' | [16: "", 17: ""]                                              || 18   | 5      | 'R313' | 'step `extras` needs step `iso`, which the recipe does not declare'                                     | 'declare `iso` in `compose { … }`'
        'production without staging'     | [22: ""]                                                               || 23   | 5      | 'R313' | 'step `production` needs step `staging`, which the recipe does not declare'                              | 'declare `staging` in `publish { … }`'
        'a sync from an undeclared source' | [15: "    sync from: mirror"]                                        || 15   | 16     | 'R314' | '`sync` syncs from `mirror`, but the recipe declares no `source mirror`'                                 | "declare it, e.g. source mirror, url: '…'"
        'a failable arch misspelt'       | [16: "    iso arches: all, failable: ['x86_65']"]                      || 16   | 33     | 'R305' | 'unknown arch `x86_65`'                                                                                  | 'did you mean `x86_64`?'
        'a malformed owner'              | [22: "    staging delete: true, chown: 'root'"]                        || 22   | 34     | 'R318' | "malformed owner `root`: write uid:gid, e.g. '10004:10005'"                                              | null
        'signing without a key'          | [22: "    staging delete: true\n    sign repomd: true"]                 || 23   | 5      | 'R302' | '`sign` needs the option `key`'                                                                          | 'the GPG key id or fingerprint'
        'removing what is not inherited' | [9: "    remove 'NFV'"]                                                 || 9    | 12     | 'R205' | "`remove 'NFV'` removes nothing: no `NFV` is inherited in `repos { … }`"                                 | null
        'a missing include'              | [1: "include 'base.groovy'\nrelease 'Rocky Linux', version: '9.5'"]   || 1    | 9      | 'R201' | 'included recipe `base.groovy` does not exist'                                                           | null
        'an include after declarations'  | [5: "include 'recipe.groovy'\nrepos {"]                               || 5    | 1      | 'R203' | '`include` must come before every declaration'                                                           | 'move it to the top of the file'
        'a constant inside a block'      | [9: "    def base = 'https://example.org'"]                            || 9    | 9      | 'R117' | 'constant `base` is defined in `repos { … }`; constants are defined at the top level'                    | 'move it to the top of the recipe, after its includes'
        'a loop'                         | [4: "for (a in ['x']) { }"]                                            || 4    | 1      | 'R112' | 'a loop is not allowed in a recipe'                                                                      | 'a recipe only declares: it cannot run processes, read or write files, reach the network or exit'
        'a release without its name'     | [1: "release version: '9.5'"]                                          || 1    | 1      | 'R321' | "`release` needs its product name first, e.g. release 'Rocky Linux', version: '9.5'"                  | null
        'a version too large to be one'  | [1: "release 'Rocky Linux', version: '99999999999.1'"]                 || 1    | 33     | 'R303' | "malformed version `99999999999.1`: write major.minor, e.g. '9.5'"                                       | null
        'a bare keyword that needs a name' | [9: "    repo"]                                                      || 9    | 5      | 'R107' | '`repo` takes one name, not 0'                                                                           | "e.g. repo 'RT', arches: ['x86_64', 'aarch64'], closure: ['BaseOS', 'AppStream']"
        'iso on kubernetes, no bucket'   | [3: "source peridot, url: 'https://y.example/v1', project: 'p'", 16: "    iso arches: all, on: kubernetes"] || 16 | 26 | 'R322' | 'step `iso` needs the declaration `artifacts` (lorax runs on kubernetes, and its results come back through a bucket)' | "declare where they go, e.g. artifacts bucket: 'resf-empanadas', region: 'us-east-2', url: 'https://resf-empanadas.s3.us-east-2.amazonaws.com'; or run lorax on this machine (without `on: kubernetes`) to keep them in the compose's work tree"
        'the same on kubernetes as mode:' | [3: "source peridot, url: 'https://y.example/v1', project: 'p'", 16: "    iso arches: all, mode: kubernetes"] || 16 | 28 | 'R322' | 'step `iso` needs the declaration `artifacts` (lorax runs on kubernetes, and its results come back through a bucket)' | "declare where they go, e.g. artifacts bucket: 'resf-empanadas', region: 'us-east-2', url: 'https://resf-empanadas.s3.us-east-2.amazonaws.com'; or run lorax on this machine (without `on: kubernetes`) to keep them in the compose's work tree"
        'an executor given twice'        | [18: "    extras 'dvd', on: podman, mode: podman"]                      || 18   | 31     | 'R116' | '`on` and `mode` are the same option of `extras`; give one'                                              | '`mode:` is another word for `on:`; keep one of them'
        'mode: first, then on:'          | [18: "    extras 'dvd', mode: podman, on: local"]                       || 18   | 33     | 'R116' | '`mode` and `on` are the same option of `extras`; give one'                                              | '`mode:` is another word for `on:`; keep one of them'
        'a misspelt mode'                | [18: "    extras 'dvd', mdoe: podman"]                                  || 18   | 19     | 'R104' | 'unknown option `mdoe` for `extras`'                                                                     | 'did you mean `mode`?'
        'a lorax root filesystem of 0 GiB' | [12: "    image 'dvd', repos: ['BaseOS']; lorax rootfsSize: 0"]       || 12   | 55     | 'R323' | '`rootfsSize` of `lorax` is 0; it must be 1 to 64 (GiB)'                                                | null
        'a repodata grace of 31 days'    | [23: "    production delete: true, repodataGrace: 744"]              || 23   | 45     | 'R323' | '`repodataGrace` of `production` is 744; it must be 0 to 720 (hours)'                                    | null
        'an empty recipe'                | "// nothing yet\n"                                                      || 1    | 1      | 'R301' | 'the recipe declares no `release`'                                                                       | "start the recipe with e.g. release 'Rocky Linux', version: '9.5'"
    }

    def "a block keyword without its block is reported"() {
        when:
        def first = errors("release 'Rocky Linux', version: '9.5'\narches 'x86_64'\nrepos\n")[0]

        then:
        [first.at().line(), first.at().column(), first.code(), first.message()] ==
                [3, 1, 'R108', '`repos` needs a block: `repos { … }`']
    }

    def "a block keyword called without a block is reported"() {
        when:
        def first = errors("release 'Rocky Linux', version: '9.5'\narches 'x86_64'\nrepos()\n")[0]

        then:
        [first.at().line(), first.at().column(), first.code(), first.message()] ==
                [3, 1, 'R108', '`repos` needs a block: `repos { … }`']
    }

    def "every mistake of a recipe is reported in one pass, in line order"() {
        given:
        def text = baselineWith([
                2 : "arches 'x86_64', 'aarch46', 'ppc64le', 's390x'",
                8 : "    repo 'RT', arches: ['x86_64', 'riscv64'], closure: ['BaseOS', 'AppStream']",
                12: "    image 'dvd', repos: ['BaseOS', 'Appstream']; lorax repos: ['BaseOS']",
                23: "    production delete: true, exclude: ['devel'], chown: 'root'"])

        when:
        def found = errors(text).collect { "${it.at().line()}:${it.at().column()} ${it.code()}".toString() }

        then:
        found == ['2:18 R305', '8:35 R307', '12:36 R308', '23:57 R318']
    }

    def "text mistakes are reported together, and meaning is not checked until the text is sound"() {
        given: 'two mistakes of the text and one of meaning (the undeclared repo)'
        def text = baselineWith([
                3 : "source peridot, url: 'https://y.example/v1', project: 'p', hashd: true",
                12: "    image 'dvd', repos: ['BaseOS', 'Appstream']; lorax repos: ['BaseOS']",
                15: "    synk from: peridot"])

        when:
        def found = errors(text).collect { it.code() }

        then:
        found == ['R104', 'R102']
    }

    def "a duplicate points at the first declaration too"() {
        when:
        def duplicate = errors(baselineWith([9: "    repo 'BaseOS'"]))[0]

        then:
        duplicate.related().size() == 1
        duplicate.related()[0].at().toString() == 'recipe.groovy:6:5'
        duplicate.related()[0].message() == 'first declared here'
    }
}
