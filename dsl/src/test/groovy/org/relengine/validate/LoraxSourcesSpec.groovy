package org.relengine.validate

import org.relengine.compile.RecipeFixture
import spock.lang.Specification

/**
 * {@code lorax sources: [...]}: more --source URLs for lorax, after the repos' (the toolkit's extra_repos, such as
 * Rocky 9's core-common and core-infra). Each is a URL lorax reads, with only {arch} and {major} filled in; anything
 * else is R325 at the URL's own position.
 */
class LoraxSourcesSpec extends Specification implements RecipeFixture {

    /** The baseline's line of `lorax`. */
    static final int LORAX_LINE = 12

    /** The baseline with lorax sources; the second source starts at column 113. */
    String withSources(String source) {
        baselineWith(LORAX_LINE, "    image 'dvd', repos: ['BaseOS', 'AppStream']; lorax repos: ['BaseOS'], sources: ['https://a.example/{arch}', ${source}]")
    }

    def "a lorax source #source is accepted"() {
        expect:
        errors(withSources(source)).isEmpty()

        where:
        source << ["'https://yumrepofs.example.org/v1/projects/p/repo/core-common/{arch}'",
                   "'http://mirror.example.org/{major}/core-infra/{arch}/os'", "'file:///srv/repos/core-common/x86_64'",
                   "'ftp://ftp.example.org/pub/{major}'"]
    }

    def "a lorax source #source is refused at its position: #reason"() {
        when:
        def errors = errors(withSources(source))

        then:
        errors.collect { [it.code(), it.at().line(), it.at().column(), it.length(), it.message(), it.hint()] } ==
                [['R325', LORAX_LINE, 113, source.length(), "the lorax source `${source[1..-2]}` is not a URL lorax can read: ${reason}".toString(),
                  "e.g. 'https://yumrepofs.example.org/repo/core-common/{arch}'"]]

        where:
        source                                  || reason
        "'yumrepofs.example.org/core/{arch}'"   || 'it must start with http://, https://, ftp:// or file:// and have no spaces'
        "'https://a.example/with space'"        || 'it must start with http://, https://, ftp:// or file:// and have no spaces'
        "'https://a.example/{repo}/{arch}'"     || '{repo} is not filled in; only {arch} and {major} are'
        "'https://a.example/\$basearch'"        || "dnf's variables (\$basearch, \$releasever) are not filled in for lorax; write {arch} or {major}"
    }
}
