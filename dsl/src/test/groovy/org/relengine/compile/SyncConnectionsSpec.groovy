package org.relengine.compile

import org.relengine.model.Step
import spock.lang.Specification

/** `connections` of `sync`: the native engine's downloads at once from each server, 16 unless said otherwise. */
class SyncConnectionsSpec extends Specification implements RecipeFixture {

    def "#step.trim() syncs with #expected connections"() {
        when:
        def result = load(baselineWith(edits))

        then:
        result.ok()
        result.recipe().step(Step.Sync).get().connections() == expected

        where:
        step                                      | edits                                                  || expected
        'sync without the option'                 | [:]                                                    || 16
        'sync connections: 32'                    | [15: '    sync from: peridot, connections: 32']        || 32
        'sync connections: 1'                     | [15: '    sync from: peridot, connections: 1']         || 1
        'sync connections: 64'                    | [15: '    sync from: peridot, connections: 64']        || 64
    }

    def "#mistake is reported at #line:#column"() {
        expect:
        onlyError(edits) == [line, column, code, message, hint]

        where:
        mistake                 | edits                                                                  || line | column | code   | message                                                                                                                                  | hint
        'no connection'         | [15: '    sync from: peridot, connections: 0']                           || 15   | 38     | 'R323' | '`connections` of `sync` is 0; it must be 1 to 64'                                                                                       | 'more pay for a distant source, fewer spare one that limits its clients'
        'too many'              | [15: '    sync from: peridot, connections: 65']                          || 15   | 38     | 'R323' | '`connections` of `sync` is 65; it must be 1 to 64'                                                                                      | 'more pay for a distant source, fewer spare one that limits its clients'
        'with dnf reposync'     | [15: '    sync from: peridot, engine: dnf, connections: 8']              || 15   | 51     | 'R320' | "`connections` sets the downloads of relengine's sync engine, and this sync runs dnf reposync, which downloads as its configuration says" | 'remove `connections`, or `engine: dnf`'
        'as a string'           | [15: "    sync from: peridot, connections: '8'"]                         || 15   | 38     | 'R106' | "option `connections` of `sync` must be a whole number, e.g. 4, not the string '8'"                                                     | null
    }
}
