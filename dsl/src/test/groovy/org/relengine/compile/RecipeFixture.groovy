package org.relengine.compile

import java.nio.file.Files
import java.nio.file.Path
import org.relengine.validate.Diagnostic

/** Recipes written on the fly: a valid baseline to break, loaded through the real loader. */
trait RecipeFixture {

    /** A small valid recipe, every keyword on a known line (numbers on the left are its line numbers). */
    static final String BASELINE = '''\
release 'Rocky Linux', short: 'Rocky', version: '9.5', rc: 'RC1', code: 'Blue Onyx'
arches 'x86_64', 'aarch64', 'ppc64le', 's390x', multilib: [x86_64: ['i686']]
source peridot, url: 'https://yumrepofs.build.resf.org/v1/projects', project: 'e285fe05', hashed: true; artifacts url: 'https://artifacts.example.org'
gpg check: true, url: 'https://example.org/keys/', keys: ['RPM-GPG-KEY-Rocky-9']
repos {
    repo 'BaseOS', closure: true
    repo 'AppStream', closure: ['BaseOS']
    repo 'RT', arches: ['x86_64', 'aarch64'], closure: ['BaseOS', 'AppStream']
    repo 'devel', from: 'all', multilib: true
}
images {
    image 'dvd', repos: ['BaseOS', 'AppStream']; lorax repos: ['BaseOS']
}
compose {
    sync from: peridot, delete: true
    iso arches: all
    unpack()
    extras 'dvd', on: podman
    finalize()
}
publish {
    staging delete: true
    production delete: true, exclude: ['devel']
}
'''

    Recipes.Result load(String text, String name = 'recipe.groovy') {
        Recipes.load(Path.of(name), text)
    }

    List<Diagnostic> errors(String text) {
        load(text).diagnostics().all().findAll { it.isError() }
    }

    /**
     * The one error of the baseline with {@code edits}, as {@code [line, column, code, message, hint]}; null when
     * the recipe loads or has another count of errors.
     */
    List<Object> onlyError(Map<Integer, String> edits) {
        def result = load(baselineWith(edits))
        def errors = result.diagnostics().all().findAll { it.isError() }
        if (result.ok() || errors.size() != 1) {
            return null
        }
        [errors[0].at().line(), errors[0].at().column(), errors[0].code(), errors[0].message(), errors[0].hint()]
    }

    /** The baseline with line {@code line} (1-based) replaced. */
    static String baselineWith(int line, String replacement) {
        List<String> lines = BASELINE.split('\n') as List
        lines[line - 1] = replacement
        lines.join('\n') + '\n'
    }

    /** The baseline with several lines replaced; a replacement may span lines, "" blanks a line. */
    static String baselineWith(Map<Integer, String> edits) {
        List<String> lines = BASELINE.split('\n') as List
        edits.each { line, replacement -> lines[line - 1] = replacement }
        lines.join('\n') + '\n'
    }

    static Path writeRecipes(Path dir, Map<String, String> files) {
        files.each { name, text -> Files.writeString(dir.resolve(name), text) }
        dir
    }
}
