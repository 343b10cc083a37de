package org.relengine.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.relengine.dsl.Identity;
import org.relengine.model.Position;
import org.relengine.validate.Diagnostics;
import org.relengine.validate.Problem;
import org.relengine.validate.Related;
import org.relengine.validate.Suggestions;

/**
 * Reads a recipe file and the recipes it includes, and merges them into one list of statements.
 *
 * <p>Override rules: an included recipe is the base; a declaration of the including recipe with the same
 * key (see {@link Statement#key()}) replaces the included one's arguments and, option by option, its
 * options, and merges its block by the same rules; declarations with new keys are added after the
 * inherited ones; {@code remove 'NAME'} drops an inherited declaration from its block.
 */
public final class RecipeLoader {

    /** The merged statements, every file read (the recipe itself first), and the constants with their values. */
    public record Loaded(List<String> files, List<Statement> statements, Map<String, String> sources,
                         List<org.relengine.model.ConstantValue> constants) {
    }

    private final Diagnostics out;
    private final RecipeReader reader;
    private final List<String> files = new ArrayList<>();
    private final Map<String, String> texts = new HashMap<>();
    /** The constants every file sees: an including recipe's definition replaces its includes'. */
    private final Map<String, Constant> constants = new java.util.LinkedHashMap<>();
    /** Every definition of every file read, also those replaced, and every name any file uses. */
    private final List<Constant> definitions = new ArrayList<>();
    private final java.util.Set<String> references = new java.util.HashSet<>();
    /** An include could not be read: what it defines is unknown, so its uses are not reported as unknown. */
    private boolean incomplete;

    private RecipeLoader(Diagnostics out, RecipeReader reader) {
        this.out = out;
        this.reader = reader;
    }

    public static Loaded load(Path file, Diagnostics out) {
        return load(file, RecipeReader.FILES, out);
    }

    /** Loads a recipe and its includes through {@code reader} (files, or a git revision). */
    public static Loaded load(Path file, RecipeReader reader, Diagnostics out) {
        RecipeLoader loader = new RecipeLoader(out, reader);
        return loader.resolved(loader.load(file, new ArrayDeque<>(), null));
    }

    /** Loads a recipe from text, as if it were the file {@code name} (its includes resolve beside {@code name}). */
    public static Loaded load(Path name, String text, Diagnostics out) {
        RecipeLoader loader = new RecipeLoader(out, RecipeReader.FILES);
        return loader.resolved(loader.parse(name, text, new ArrayDeque<>()));
    }

    /** The merged statements with the value of every constant in place, once every file is read. */
    private Loaded resolved(List<Statement> merged) {
        List<Statement> statements = merged;
        List<org.relengine.model.ConstantValue> values = List.of();
        if (!incomplete) {
            ConstantResolver.Resolved resolved = ConstantResolver.resolve(merged, constants, out);
            statements = resolved.statements();
            values = resolved.constants();
            for (Constant constant : definitions) {
                if (!references.contains(constant.name())) {
                    out.warning(Problem.CONSTANT_UNUSED, constant.at(), constant.name().length(),
                            "use it, or remove its definition", constant.name());
                }
            }
        }
        return new Loaded(List.copyOf(files), statements, Map.copyOf(texts), values);
    }

    private List<Statement> load(Path file, Deque<Path> chain, Statement includedBy) {
        String text;
        try {
            text = reader.read(file);
        } catch (NoSuchFileException e) {
            missing(file, includedBy, chain);
            return List.of();
        } catch (java.nio.charset.CharacterCodingException e) {
            notUtf8(file, includedBy);
            return List.of();
        } catch (RecipeFile.Refused e) {
            // an include is refused at its include statement: the file that names it is the one to fix
            if (includedBy == null) {
                out.error(Problem.UNREADABLE, new Position(display(file), 1, 1), 1, e.hint(), display(file), e.reason());
            } else {
                Value arg = includedBy.args().get(0);
                out.error(Problem.UNREADABLE, arg.at(), arg.length(), e.hint(), display(file), e.reason());
            }
            return List.of();
        } catch (IOException e) {
            Position at = includedBy == null ? new Position(display(file), 1, 1) : includedBy.args().get(0).at();
            out.error(Problem.UNREADABLE, at, 1, null, display(file), e.getMessage());
            return List.of();
        }
        return parse(file, text, chain);
    }

    /** A recipe that is not UTF-8, reported at its first byte that is not, so that it can be found and fixed. */
    private void notUtf8(Path file, Statement includedBy) {
        int line = 1;
        int column = 1;
        int bad = -1;
        try {
            byte[] bytes = RecipeFile.bytes(file);
            java.nio.charset.CharsetDecoder decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
            java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
            java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(bytes.length + 1);
            java.nio.charset.CoderResult result = decoder.decode(in, chars, true);
            if (result.isError()) {
                bad = bytes[in.position()] & 0xFF;
                chars.flip();
                for (int i = 0; i < chars.length(); i++) {
                    if (chars.charAt(i) == '\n') {
                        line++;
                        column = 1;
                    } else if (!Character.isLowSurrogate(chars.charAt(i))) {
                        column++;
                    }
                }
            }
        } catch (IOException ignored) {
            // the position stays at the start of the file
        }
        Position at = includedBy == null ? new Position(display(file), line, column) : includedBy.args().get(0).at();
        out.error(Problem.UNREADABLE, at, 1, "save it as UTF-8 (with or without a byte-order mark)", display(file),
                "it is not UTF-8 text" + (bad < 0 ? "" : String.format(" (byte 0x%02X)", bad)));
    }

    private void missing(Path file, Statement includedBy, Deque<Path> chain) {
        if (includedBy == null) {
            out.error(Problem.UNREADABLE, new Position(display(file), 1, 1), 1, null, display(file), "no such file");
            return;
        }
        Value arg = includedBy.args().get(0);
        String hint = null;
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && Files.isDirectory(dir)) {
            try (Stream<Path> siblings = Files.list(dir)) {
                // never suggest a file of the include chain: that would be a cycle
                List<String> names = siblings.filter(p -> !chain.contains(p.toAbsolutePath().normalize()))
                        .map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".groovy")).sorted().collect(Collectors.toList());
                hint = Suggestions.didYouMean(file.getFileName().toString(), names);
            } catch (IOException ignored) {
                // no suggestion then
            }
        }
        out.error(Problem.INCLUDE_MISSING, arg.at(), arg.length(), hint, includedBy.argText(0));
    }

    private List<Statement> parse(Path file, String written, Deque<Path> chain) {
        String text = withoutByteOrderMark(written);
        String name = display(file);
        files.add(name);
        texts.put(name, text);
        chain.push(file.toAbsolutePath().normalize());
        RecipeParser.Parsed parsed = RecipeParser.parse(name, text, out);
        List<Statement> statements = parsed.statements();
        references.addAll(parsed.references());
        List<Statement> merged = new ArrayList<>();
        List<Statement> own = new ArrayList<>();
        for (Statement statement : statements) {
            if (statement.name().equals("include")) {
                int before = out.errorCount();
                if (statement.args().isEmpty()) {
                    continue;
                }
                if (!statement.argText(0).endsWith(".groovy")) {
                    // an include is read and shown in diagnostics: only recipe files, never /etc/…
                    Value arg = statement.args().get(0);
                    out.error(Problem.INCLUDE_NOT_RECIPE, arg.at(), arg.length(), null, statement.argText(0));
                    continue;
                }
                Path included = file.toAbsolutePath().getParent().resolve(statement.argText(0)).normalize();
                if (chain.contains(included)) {
                    Value arg = statement.args().get(0);
                    String cycle = chainText(chain, included);
                    out.error(Problem.INCLUDE_CYCLE, arg.at(), arg.length(), "remove one of the includes",
                            display(included), cycle);
                    continue;
                }
                merged = merge(merged, load(included, chain, statement), "the recipe");
                if (out.errorCount() > before) {
                    // what the include would have provided is unknown: do not report its absence again
                    incomplete = true;
                    chain.pop();
                    return merged;
                }
            } else {
                own.add(statement);
            }
        }
        reportDuplicates(own);
        define(parsed.constants());
        chain.pop();
        return merge(merged, own, "the recipe");
    }

    /**
     * Editors on Windows start UTF-8 files with U+FEFF. It is no character of the recipe: read with it, line 1
     * would start with a character Groovy rejects, and its columns would be one off.
     */
    private static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private String chainText(Deque<Path> chain, Path again) {
        List<String> names = new ArrayList<>();
        chain.descendingIterator().forEachRemaining(p -> names.add(display(p)));
        names.add(display(again));
        int start = names.indexOf(display(again));
        return String.join(" → ", names.subList(start, names.size()));
    }

    /** One file's constants, after those of its includes, which they replace. */
    private void define(List<Constant> own) {
        Map<String, Constant> seen = new HashMap<>();
        for (Constant constant : own) {
            Constant first = seen.put(constant.name(), constant);
            if (first != null) {
                out.warning(Problem.CONSTANT_TWICE, constant.at(), constant.name().length(), "keep one definition",
                        List.of(new Related(first.at(), "first defined here")), constant.name());
            }
            constants.put(constant.name(), constant);
            definitions.add(constant);
        }
    }

    /** Within one file, a key declared twice is an error at the second declaration. */
    private void reportDuplicates(List<Statement> statements) {
        Map<String, Statement> seen = new HashMap<>();
        for (Statement statement : statements) {
            if (statement.keyword().identity() != Identity.DIRECTIVE) {
                Statement first = seen.putIfAbsent(statement.key(), statement);
                if (first != null) {
                    out.error(Problem.DUPLICATE, statement.at(), statement.name().length(),
                            "declare it once; an including recipe may override it",
                            List.of(new Related(first.at(), "first declared here")), statement.display());
                }
            }
            reportDuplicates(statement.block());
        }
    }

    private List<Statement> merge(List<Statement> base, List<Statement> own, String where) {
        List<Statement> result = new ArrayList<>(base);
        // removals apply to what is inherited, never to what this file declares itself
        for (Statement statement : own) {
            if (statement.name().equals("remove")) {
                remove(result, statement, where);
            }
        }
        for (Statement statement : own) {
            if (statement.name().equals("remove")) {
                continue;
            }
            int index = indexOf(result, statement.key());
            if (index >= 0) {
                result.set(index, combine(result.get(index), statement));
            } else {
                result.add(new Statement(statement.keyword(), statement.at(), statement.args(), statement.options(),
                        merge(List.of(), statement.block(), "`" + statement.name() + " { … }`")));
            }
        }
        return result;
    }

    /**
     * {@code remove 'NAME'} drops the inherited declaration named NAME ({@code repo 'NAME'}, {@code cloud 'NAME'}),
     * or the single declaration of that keyword ({@code remove 'production'}); a name that matches more than
     * one declaration must be disambiguated.
     */
    private void remove(List<Statement> result, Statement removal, String where) {
        if (removal.args().isEmpty()) {
            return;
        }
        String name = removal.argText(0);
        Value arg = removal.args().get(0);
        List<Statement> matches = result.stream().filter(s -> s.key().equals(name)
                || (s.keyword().identity() == Identity.NAMED && !s.args().isEmpty() && s.argText(0).equals(name)))
                .toList();
        if (matches.size() > 1 && matches.stream().anyMatch(s -> s.key().equals(name))) {
            matches = matches.stream().filter(s -> s.key().equals(name)).toList();
        }
        if (matches.isEmpty()) {
            out.error(Problem.NOTHING_TO_REMOVE, arg.at(), arg.length(), null, name, name, where);
        } else if (matches.size() > 1) {
            out.error(Problem.AMBIGUOUS_REMOVE, arg.at(), arg.length(),
                    "name the keyword too, e.g. remove '" + matches.get(0).key() + "'", name, where,
                    String.join(" and ", matches.stream().map(Statement::display).toList()));
        } else {
            result.remove(matches.get(0));
        }
    }

    private static int indexOf(List<Statement> statements, String key) {
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private Statement combine(Statement inherited, Statement own) {
        List<Value> args = own.args().isEmpty() ? inherited.args() : own.args();
        List<Statement.Option> options = new ArrayList<>(inherited.options());
        for (Statement.Option option : own.options()) {
            options.removeIf(o -> o.name().equals(option.name()));
            options.add(option);
        }
        List<Statement> block = merge(inherited.block(), own.block(), "`" + own.name() + " { … }`");
        return new Statement(own.keyword(), own.at(), args, options, block);
    }

    /** The path as a user would write it: relative to the working directory when below it. */
    static String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        if (absolute.startsWith(cwd)) {
            return cwd.relativize(absolute).toString();
        }
        return absolute.toString();
    }
}
