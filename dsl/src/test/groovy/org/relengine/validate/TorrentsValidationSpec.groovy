package org.relengine.validate

import org.relengine.compile.RecipeFixture
import org.relengine.model.Step
import spock.lang.Specification

/** {@code torrents dir:, watch:}: rtorrent's download and watch directories, absolute. */
class TorrentsValidationSpec extends Specification implements RecipeFixture {

    /** The baseline's `production` line, replaced by the step. */
    static final int LINE = 23

    static String with(String options) {
        baselineWith(LINE, "    torrents $options")
    }

    def "the directories are read as written, and the comment takes the release's version"() {
        when:
        def result = load(with("dir: '/opt/rtorrent/download', watch: '/opt/rtorrent/watch/start', comment: 'notes/{major}_{minor}/{version}'"))
        def torrents = result.recipe().step(Step.Torrents).get()

        then:
        result.ok()
        [torrents.dir(), torrents.watch()] == ['/opt/rtorrent/download', '/opt/rtorrent/watch/start']
        torrents.comment(result.recipe().release()) == 'notes/9_5/9.5'
    }

    def "a relative #option is refused at column #column"() {
        when:
        def errors = errors(with("$option: 'rtorrent/x'"))

        then:
        errors.collect { [it.code(), it.at().line(), it.at().column(), it.message(), it.hint()] } ==
                [['R320', LINE, column, "`torrents $option:` is `rtorrent/x`, which is not an absolute directory", hint]]

        where:
        option  || column | hint
        'dir'   || 19     | "e.g. '/opt/rtorrent/download'"
        'watch' || 21     | "e.g. '/opt/rtorrent/watch/start'"
    }
}
