package org.relengine.compile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.AnnotationNode;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.ImportNode;
import org.codehaus.groovy.ast.InnerClassNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.BooleanExpression;
import org.codehaus.groovy.ast.expr.CastExpression;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.ConstructorCallExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.EmptyExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.GStringExpression;
import org.codehaus.groovy.ast.expr.ListExpression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.MethodPointerExpression;
import org.codehaus.groovy.ast.expr.NamedArgumentListExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.AssertStatement;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.DoWhileStatement;
import org.codehaus.groovy.ast.stmt.EmptyStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.ForStatement;
import org.codehaus.groovy.ast.stmt.IfStatement;
import org.codehaus.groovy.ast.stmt.ReturnStatement;
import org.codehaus.groovy.ast.stmt.SwitchStatement;
import org.codehaus.groovy.ast.stmt.SynchronizedStatement;
import org.codehaus.groovy.ast.stmt.ThrowStatement;
import org.codehaus.groovy.ast.stmt.TryCatchStatement;
import org.codehaus.groovy.ast.stmt.WhileStatement;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.ErrorCollector;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;
import org.relengine.dsl.Grammar;
import org.relengine.dsl.Identity;
import org.relengine.dsl.Keyword;
import org.relengine.dsl.OptionSpec;
import org.relengine.dsl.Symbol;
import org.relengine.dsl.ValueType;
import org.relengine.model.Position;
import org.relengine.validate.Diagnostics;
import org.relengine.validate.Problem;
import org.relengine.validate.Suggestions;

/**
 * Reads a recipe's Groovy syntax tree into {@link Statement}s, checking it against the {@link Grammar}.
 *
 * <p>The recipe is parsed by Groovy's own parser up to the conversion phase and never compiled further
 * or run: a recipe is data in Groovy syntax. Whatever is not a declaration of the grammar (imports,
 * classes, method calls on values, object creation, loops, interpolation…) is reported at its position
 * and, since nothing is ever executed, cannot have an effect. Every problem is reported; parsing goes
 * on after each.
 *
 * <p>Groovy's parser reads the text with its long runs of comment lines folded ({@link CommentRuns}): it
 * would take time growing with the square of their length. Every position stays that of the recipe.
 */
public final class RecipeParser {

    /** Groovy's own parser rejects a named argument given twice; it is reported as the option it is. */
    private static final Pattern DUPLICATE_NAMED = Pattern.compile("(?i)duplicated named parameter '(.+)' found");

    private static final String ONLY_DECLARES =
            "a recipe only declares: it cannot run processes, read or write files, reach the network or exit";

    /** What one file declares: its statements, its constants in the order written, and the names it uses. */
    public record Parsed(List<Statement> statements, List<Constant> constants, Set<String> references) {
    }

    private final String file;
    private final Diagnostics out;
    private final String[] lines;
    private final List<Constant> constants = new ArrayList<>();
    private final Set<String> references = new HashSet<>();

    private RecipeParser(String file, String text, Diagnostics out) {
        this.file = file;
        this.out = out;
        this.lines = text.split("\r?\n", -1);
    }

    /** Parses one recipe file's text. Problems go to {@code out}; what could be read is returned. */
    public static Parsed parse(String file, String text, Diagnostics out) {
        RecipeParser parser = new RecipeParser(file, text, out);
        List<Statement> statements = parser.parse(text);
        return new Parsed(statements, List.copyOf(parser.constants), Set.copyOf(parser.references));
    }

    private List<Statement> parse(String text) {
        ModuleNode module = syntaxTree(text);
        if (module == null) {
            return List.of();
        }
        checkOutsideStatements(module);
        return statements(module.getStatementBlock().getStatements(), Grammar.RECIPE, true);
    }

    private ModuleNode syntaxTree(String text) {
        CompilerConfiguration config = new CompilerConfiguration();
        ErrorCollector errors = new ErrorCollector(config);
        // positions are unchanged by the folding; source() and the code frames read the recipe as written
        SourceUnit unit = new SourceUnit(file, CommentRuns.folded(text), config, null, errors);
        try {
            unit.parse();
            unit.completePhase();
            unit.nextPhase();
            unit.convert();
            return unit.getAST();
        } catch (CompilationFailedException e) {
            reportSyntaxErrors(errors, e);
            return null;
        }
    }

    private void reportSyntaxErrors(ErrorCollector errors, CompilationFailedException e) {
        List<? extends Message> messages = errors.getErrors();
        if (messages == null || messages.isEmpty()) {
            out.error(Problem.SYNTAX, new Position(file, 1, 1), 1, null, "syntax error: " + e.getMessage());
            return;
        }
        for (Message message : messages) {
            if (message instanceof SyntaxErrorMessage syntax) {
                SyntaxException cause = syntax.getCause();
                Position at = new Position(file, cause.getStartLine(), cause.getStartColumn());
                Matcher duplicate = DUPLICATE_NAMED.matcher(cause.getOriginalMessage());
                if (duplicate.matches()) {
                    out.error(Problem.DUPLICATE_OPTION, at, duplicate.group(1).length(), null, duplicate.group(1));
                } else {
                    String text = cause.getOriginalMessage();
                    String hint = text.equals("Unexpected input: '{'")
                            ? "a mistake inside a `{ … }` block is reported at its opening brace: look inside the block"
                            : null;
                    out.error(Problem.SYNTAX, at, 1, hint, "syntax error: " + lowerFirst(text));
                }
            }
        }
    }

    private void checkOutsideStatements(ModuleNode module) {
        if (module.getPackage() != null) {
            notDeclarative(module.getPackage(), "a `package` declaration", ONLY_DECLARES);
        }
        List<ImportNode> imports = new ArrayList<>(module.getImports());
        imports.addAll(module.getStarImports());
        imports.addAll(module.getStaticImports().values());
        imports.addAll(module.getStaticStarImports().values());
        for (ImportNode node : imports) {
            if (!reportAnnotations(node.getAnnotations())) {
                notDeclarative(node, "`import`",
                        "the recipe language needs no imports: its words (`peridot`, `all`, `podman`…) are built in");
            }
        }
        for (ClassNode node : module.getClasses()) {
            if (node instanceof InnerClassNode) {
                continue; // reported with the class or the `new` expression that declares it
            }
            if (node.isScript()) {
                reportAnnotations(node.getAnnotations());
            } else if (!reportAnnotations(node.getAnnotations())) {
                notDeclarative(node, "a class definition (`" + node.getNameWithoutPackage() + "`)", ONLY_DECLARES);
            }
        }
        for (MethodNode node : module.getMethods()) {
            if (!reportAnnotations(node.getAnnotations())) {
                notDeclarative(node, "a method definition (`" + node.getName() + "`)", ONLY_DECLARES);
            }
        }
    }

    /** Reports each annotation; true when there was at least one. */
    private boolean reportAnnotations(List<AnnotationNode> annotations) {
        // Groovy adds annotations of its own (@Trait, @RecordType) without a position; they are not the author's
        annotations = annotations.stream().filter(a -> a.getLineNumber() > 0).toList();
        for (AnnotationNode annotation : annotations) {
            notDeclarative(annotation, "the annotation `@" + annotation.getClassNode().getNameWithoutPackage() + "`",
                    "annotations such as @Grab would change how the recipe is compiled; " + ONLY_DECLARES);
        }
        return !annotations.isEmpty();
    }

    private List<Statement> statements(List<org.codehaus.groovy.ast.stmt.Statement> nodes, Keyword context,
                                       boolean topLevel) {
        List<Statement> result = new ArrayList<>();
        boolean declared = false;
        for (org.codehaus.groovy.ast.stmt.Statement node : nodes) {
            if (node instanceof ExpressionStatement es && es.getExpression() instanceof DeclarationExpression d
                    && !reportAnnotations(d.getAnnotations())) {
                constant(d, context);
                declared = true;
                continue;
            }
            Statement statement = statement(node, context);
            if (statement == null) {
                continue;
            }
            if (topLevel && statement.name().equals("include") && declared) {
                out.error(Problem.INCLUDE_NOT_FIRST, statement.at(), "include".length(),
                        "move it to the top of the file", List.of());
            }
            declared |= !statement.name().equals("include");
            result.add(statement);
        }
        return result;
    }

    private Statement statement(org.codehaus.groovy.ast.stmt.Statement node, Keyword context) {
        if (node instanceof EmptyStatement) {
            return null;
        }
        if (node instanceof ReturnStatement synthetic && synthetic.getLineNumber() < 1) {
            return null; // Groovy's own `return null` closing an empty script
        }
        if (node instanceof ExpressionStatement es) {
            Expression expression = es.getExpression();
            if (expression instanceof MethodCallExpression call && call.isImplicitThis()
                    && call.getMethodAsString() != null) {
                return declaration(call, context);
            }
            if (expression instanceof VariableExpression variable) {
                bareWord(variable, context);
                return null;
            }
            notAllowedExpression(expression);
            return null;
        }
        notDeclarative(node, statementKind(node), ONLY_DECLARES);
        return null;
    }

    private static String statementKind(org.codehaus.groovy.ast.stmt.Statement node) {
        if (node instanceof ForStatement || node instanceof WhileStatement || node instanceof DoWhileStatement) {
            return "a loop";
        }
        if (node instanceof IfStatement || node instanceof SwitchStatement) {
            return "a condition";
        }
        if (node instanceof TryCatchStatement) {
            return "`try`";
        }
        if (node instanceof ReturnStatement) {
            return "`return`";
        }
        if (node instanceof ThrowStatement) {
            return "`throw`";
        }
        if (node instanceof AssertStatement) {
            return "`assert`";
        }
        if (node instanceof SynchronizedStatement) {
            return "`synchronized`";
        }
        if (node instanceof BlockStatement) {
            return "a block without a keyword";
        }
        return "this statement";
    }

    /** {@code def core = ['BaseOS', 'AppStream']}: read as written; its uses are resolved once every file is read. */
    private void constant(DeclarationExpression declaration, Keyword context) {
        if (!(declaration.getLeftExpression() instanceof VariableExpression variable)) {
            notDeclarative(declaration, "a declaration of several variables", "define one constant per `def`");
            return;
        }
        String name = variable.getName();
        Position at = at(variable);
        if (context != Grammar.RECIPE) {
            out.error(Problem.CONSTANT_NOT_TOP_LEVEL, at, name.length(), "move it to the top of the recipe, after its "
                    + "includes", name, "`" + context.name() + " { … }`");
            return;
        }
        if (!variable.isDynamicTyped()) {
            notDeclarative(declaration, "a typed variable (`" + variable.getType().getNameWithoutPackage() + " "
                    + name + "`)", "a constant is written `def " + name + " = …`");
            return;
        }
        if (declaration.getRightExpression() instanceof EmptyExpression) {
            notDeclarative(declaration, "a constant without a value (`def " + name + "`)",
                    "give it its value where it is defined: def " + name + " = …");
            return;
        }
        // `this` and `super` never get here: Groovy's parser refuses them as names
        if (Symbol.byWord(name).isPresent() || name.equals("release")) {
            String what = name.equals("release") ? "the release, whose fields are read as `release.version`"
                    : "a bare word of the recipe language";
            out.error(Problem.RESERVED_NAME, at, name.length(), "choose another name", name, what);
            return;
        }
        constants.add(new Constant(name, at, read(declaration.getRightExpression(), null)));
    }

    private void bareWord(VariableExpression variable, Keyword context) {
        String name = variable.getName();
        Position at = at(variable);
        Keyword keyword = context.keyword(name);
        if (keyword != null && keyword.hasBlock()) {
            out.error(Problem.BLOCK_EXPECTED, at, name.length(), null, name, name);
            return;
        }
        if (keyword != null && keyword.minArgs() > 0) {
            out.error(Problem.ARGUMENT_COUNT, at, name.length(), "e.g. " + keyword.example(), name, arity(keyword), 0);
            return;
        }
        if (keyword != null) {
            out.error(Problem.NEEDS_PARENTHESES, at, name.length(),
                    "a keyword without arguments is written with empty parentheses", name, name);
            return;
        }
        unknownKeyword(name, at, context);
    }

    private Statement declaration(MethodCallExpression call, Keyword context) {
        String name = call.getMethodAsString();
        Position at = at(call.getMethod());
        Keyword keyword = context.keyword(name);
        if (keyword == null) {
            unknownKeyword(name, at, context);
            return null;
        }
        List<Expression> positional = new ArrayList<>();
        List<MapEntryExpression> named = new ArrayList<>();
        ClosureExpression closure = null;
        for (Expression argument : arguments(call)) {
            if (argument instanceof MapExpression map && isNamedArguments(map)) {
                named.addAll(map.getMapEntryExpressions());
            } else if (argument instanceof ClosureExpression block) {
                if (keyword.hasBlock() && closure == null) {
                    closure = block;
                } else if (keyword.hasBlock()) {
                    out.error(Problem.EXTRA_BLOCK, at(block), 1, "put every declaration in one block", name);
                    statements(((BlockStatement) block.getCode()).getStatements(), keyword, false);
                } else {
                    out.error(Problem.BLOCK_UNEXPECTED, at(block), 1, "options are written after the keyword: e.g. "
                            + keyword.example(), name);
                }
            } else {
                positional.add(argument);
            }
        }
        List<Value> args = positionalArguments(keyword, at, positional);
        List<Statement.Option> options = options(keyword, named);
        List<Statement> block = List.of();
        if (keyword.hasBlock()) {
            if (closure == null) {
                out.error(Problem.BLOCK_EXPECTED, at, name.length(), null, name, name);
            } else {
                if (closure.getParameters() != null && closure.getParameters().length > 0) {
                    notDeclarative(closure, "a block with parameters", "write `" + name + " { … }`");
                }
                block = statements(((BlockStatement) closure.getCode()).getStatements(), keyword, false);
            }
        }
        return new Statement(keyword, at, args, options, block);
    }

    /**
     * Named arguments ({@code repo 'x', arches: […]}) reach the syntax tree as one map spanning the
     * arguments; a map literal ({@code [x86_64: […]]}) starts at its bracket.
     */
    private boolean isNamedArguments(MapExpression map) {
        if (map instanceof NamedArgumentListExpression) {
            return true;
        }
        int line = map.getLineNumber();
        int column = map.getColumnNumber();
        if (line < 1 || line > lines.length || column < 1 || column > lines[line - 1].length()) {
            return false;
        }
        return lines[line - 1].charAt(column - 1) != '[';
    }

    private static List<Expression> arguments(MethodCallExpression call) {
        Expression arguments = call.getArguments();
        if (arguments instanceof TupleExpression tuple) {
            return tuple.getExpressions();
        }
        return List.of(arguments);
    }

    private void unknownKeyword(String name, Position at, Keyword context) {
        String where = context == Grammar.RECIPE ? "a recipe" : "`" + context.name() + " { … }`";
        List<String> homes = Grammar.blocksDeclaring(name);
        if (context == Grammar.RECIPE && !homes.isEmpty()) {
            out.error(Problem.MISPLACED_KEYWORD, at, name.length(), null, name, "the top level of a recipe",
                    homes.get(0));
            return;
        }
        if (context != Grammar.RECIPE && Grammar.RECIPE.keyword(name) != null) {
            out.error(Problem.MISPLACED_TOP_LEVEL, at, name.length(), null, name, where);
            return;
        }
        String hint = Suggestions.didYouMean(name, context.keywordNames());
        if (hint == null) {
            hint = "keywords here: " + String.join(", ", context.keywordNames());
        }
        out.error(Problem.UNKNOWN_KEYWORD, at, name.length(), hint, name, where);
    }

    private List<Value> positionalArguments(Keyword keyword, Position at, List<Expression> positional) {
        if (positional.size() < keyword.minArgs() || positional.size() > keyword.maxArgs()) {
            Position where = positional.size() > keyword.maxArgs() ? at(positional.get(keyword.maxArgs())) : at;
            out.error(Problem.ARGUMENT_COUNT, where, 1, "e.g. " + keyword.example(), keyword.name(), arity(keyword),
                    positional.size());
        }
        List<Value> values = new ArrayList<>();
        for (Expression expression : positional) {
            Value value = value(expression, keyword.argType(), TypeCheck.argument(keyword));
            if (value != null && keyword.identity() != Identity.SINGLE && !Value.literal(value)) {
                // merging recipes matches declarations by their names, before any constant has its value
                out.error(Problem.NAME_NOT_LITERAL, value.at(), value.length(), "an including recipe overrides and "
                        + "removes declarations by their names: write it as a string", keyword.argName(), keyword.name());
            } else if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    private static String arity(Keyword keyword) {
        String what = keyword.argName().isEmpty() ? "argument" : keyword.argName();
        if (keyword.maxArgs() == 0) {
            return "no arguments";
        }
        if (keyword.minArgs() == 1 && keyword.maxArgs() == 1) {
            return "one " + what;
        }
        if (keyword.minArgs() == 0 && keyword.maxArgs() == 1) {
            return "at most one " + what;
        }
        return "one or more " + what + "s";
    }

    private List<Statement.Option> options(Keyword keyword, List<MapEntryExpression> entries) {
        List<Statement.Option> options = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        java.util.Map<String, String> words = new java.util.HashMap<>();
        for (MapEntryExpression entry : entries) {
            Expression key = entry.getKeyExpression();
            if (!(key instanceof ConstantExpression constant) || !(constant.getValue() instanceof String name)) {
                notAllowedExpression(key);
                continue;
            }
            Position at = at(key);
            String written = name;
            name = keyword.canonical(name);
            OptionSpec spec = keyword.options().get(name);
            if (spec == null) {
                String hint = Suggestions.didYouMean(name, keyword.optionWords());
                if (hint == null) {
                    hint = keyword.options().isEmpty() ? "`" + keyword.name() + "` takes no options"
                            : "options of `" + keyword.name() + "`: " + String.join(", ", keyword.options().keySet());
                }
                out.error(Problem.UNKNOWN_OPTION, at, name.length(), hint, name, keyword.name());
                continue;
            }
            if (!seen.add(name)) {
                String first = words.get(name);
                if (first.equals(written)) {
                    out.error(Problem.DUPLICATE_OPTION, at, written.length(), null, written);
                } else {
                    String alias = first.equals(name) ? written : first;
                    out.error(Problem.SAME_OPTION, at, written.length(), "`" + alias + ":` is another word for `"
                            + name + ":`; keep one of them", first, written, keyword.name());
                }
                continue;
            }
            words.put(name, written);
            Value value = value(entry.getValueExpression(), spec.type(), TypeCheck.option(keyword, name));
            if (value != null) {
                options.add(new Statement.Option(name, at, value));
            }
        }
        return options;
    }

    /**
     * Reads a value and checks it has the expected type; null after reporting when it does not. A value computed
     * from constants is checked once it is resolved.
     */
    private Value value(Expression expression, ValueType expected, String subject) {
        Value value = read(expression, expected);
        if (value == null || !Value.literal(value)) {
            return value;
        }
        return TypeCheck.check(value, expected, subject, out) ? value : null;
    }

    private Value read(Expression expression, ValueType expected) {
        Position at = at(expression);
        int length = length(expression);
        if (expression instanceof ConstantExpression constant && !(expression instanceof ClassExpression)) {
            Object v = constant.getValue();
            if (v instanceof String s) {
                return new Value.Text(s, at, length);
            }
            if (v instanceof Boolean b) {
                return new Value.Flag(b, at, length);
            }
            if (v instanceof Number n) {
                return new Value.Number(n, at, length);
            }
            notDeclarative(expression, "`null`", "leave the option out instead");
            return null;
        }
        if (expression instanceof ListExpression list) {
            List<Value> items = new ArrayList<>();
            boolean ok = true;
            for (Expression item : list.getExpressions()) {
                Value v = read(item, TypeCheck.elementType(expected));
                ok &= v != null;
                if (v != null) {
                    items.add(v);
                }
            }
            return ok ? new Value.Seq(items, at, length) : null;
        }
        if (expression instanceof MapExpression map) {
            List<Value.Entry> entries = new ArrayList<>();
            boolean ok = true;
            for (MapEntryExpression entry : map.getMapEntryExpressions()) {
                Expression key = entry.getKeyExpression();
                if (!(key instanceof ConstantExpression c) || !(c.getValue() instanceof String k)) {
                    notAllowedExpression(key);
                    ok = false;
                    continue;
                }
                Value v = read(entry.getValueExpression(), ValueType.STRINGS);
                ok &= v != null;
                if (v != null) {
                    entries.add(new Value.Entry(k, at(key), v));
                }
            }
            return ok ? new Value.Table(entries, at, length) : null;
        }
        if (expression instanceof VariableExpression variable) {
            return word(variable);
        }
        if (expression instanceof BinaryExpression binary && binary.getOperation().getText().equals("+")) {
            Value left = read(binary.getLeftExpression(), expected);
            Value right = read(binary.getRightExpression(), expected);
            return left == null || right == null ? null : new Value.Plus(left, right, at, length);
        }
        if (expression instanceof GStringExpression template) {
            return template(template, at, length);
        }
        if (expression instanceof PropertyExpression property && property.getObjectExpression() instanceof
                VariableExpression object && object.getName().equals("release") && !property.isSafe()
                && !property.isSpreadSafe() && property.getProperty() instanceof ConstantExpression field
                && field.getValue() instanceof String name) {
            return new Value.Field(name, at(field), name.length());
        }
        notAllowedExpression(expression);
        return null;
    }

    /** {@code "…${release.major}…"}: its literal text and its expressions in the order written. */
    private Value template(GStringExpression template, Position at, int length) {
        List<Value> parts = new ArrayList<>();
        boolean ok = true;
        List<ConstantExpression> strings = template.getStrings();
        List<Expression> values = template.getValues();
        for (int i = 0; i < Math.max(strings.size(), values.size()); i++) {
            if (i < strings.size() && !strings.get(i).getText().isEmpty()) {
                parts.add(new Value.Text(strings.get(i).getText(), at, length));
            }
            if (i < values.size()) {
                Value part = read(values.get(i), ValueType.STRING);
                ok &= part != null;
                if (part != null) {
                    parts.add(part);
                }
            }
        }
        return ok ? new Value.Template(parts, at, length) : null;
    }

    private Value word(VariableExpression variable) {
        String name = variable.getName();
        Position at = at(variable);
        var symbol = Symbol.byWord(name);
        if (symbol.isPresent()) {
            return new Value.Word(symbol.get(), at, name.length());
        }
        if (name.equals("this") || name.equals("super")) {
            notDeclarative(variable, "`" + name + "`", ONLY_DECLARES);
            return null;
        }
        // a constant, perhaps of another file: known once every file is read
        references.add(name);
        return new Value.Ref(name, at, name.length());
    }

    private void notAllowedExpression(Expression expression) {
        if (expression instanceof DeclarationExpression declaration) {
            if (!reportAnnotations(declaration.getAnnotations())) {
                notDeclarative(declaration, "a variable (`" + declaration.getLeftExpression().getText() + "`)",
                        "a constant is defined at the top level of a recipe, in a statement of its own: def x = …");
            }
            return;
        }
        if (expression instanceof BinaryExpression binary && binary.getOperation().getText().endsWith("=")
                && !binary.getOperation().getText().equals("==")) {
            notDeclarative(binary, "an assignment (`" + shorten(binary.getLeftExpression().getText()) + " = …`)",
                    ONLY_DECLARES);
            return;
        }
        if (expression instanceof MethodCallExpression call) {
            // the implicit `call` of `(…)()` has no position of its own
            ASTNode where = call.getMethod().getLineNumber() > 0 ? call.getMethod() : call;
            if (call.getObjectExpression() instanceof ClosureExpression) {
                notDeclarative(where, "calling a block `{ … }`", ONLY_DECLARES);
            } else {
                notDeclarative(where, "calling `" + shorten(render(call)) + "`", ONLY_DECLARES);
            }
            return;
        }
        if (expression instanceof StaticMethodCallExpression call) {
            notDeclarative(call, "calling `" + call.getMethod() + "(…)`", ONLY_DECLARES);
            return;
        }
        if (expression instanceof ConstructorCallExpression constructor) {
            ClassNode type = constructor.isUsingAnonymousInnerClass()
                    ? constructor.getType().getUnresolvedSuperClass() : constructor.getType();
            notDeclarative(constructor, "creating an object (`new " + type.getNameWithoutPackage() + "(…)`)",
                    ONLY_DECLARES);
            return;
        }
        if (expression instanceof PropertyExpression property) {
            notDeclarative(property, "reading `" + shorten(render(property)) + "`", ONLY_DECLARES);
            return;
        }
        if (expression instanceof MethodPointerExpression pointer) {
            notDeclarative(pointer, "a method reference (`" + shorten(source(pointer)) + "`)", ONLY_DECLARES);
            return;
        }
        if (expression instanceof ClosureExpression) {
            notDeclarative(expression, "a block `{ … }` here", "blocks follow `repos`, `images`, `compose` and `publish`");
            return;
        }
        if (expression instanceof CastExpression) {
            notDeclarative(expression, "a cast (`as …`)", ONLY_DECLARES);
            return;
        }
        if (expression instanceof BinaryExpression || expression instanceof BooleanExpression) {
            notDeclarative(expression, "an expression (`" + shorten(source(expression)) + "`)",
                    "a value is computed only with `+` of lists or strings and with \"${…}\" of constants");
            return;
        }
        notDeclarative(expression, "`" + shorten(source(expression)) + "`", ONLY_DECLARES);
    }

    /**
     * A call chain as the author would recognise it, arguments elided: {@code new File(…).text},
     * {@code Runtime.getRuntime(…).exec(…)}, {@code 'ls'.execute(…)}.
     */
    private String render(Expression expression) {
        if (expression instanceof MethodCallExpression call) {
            String method = call.getMethodAsString() == null ? source(call.getMethod()) : call.getMethodAsString();
            String receiver = call.isImplicitThis() ? "" : render(call.getObjectExpression()) + ".";
            return receiver + method + "(…)";
        }
        if (expression instanceof StaticMethodCallExpression call) {
            return call.getMethod() + "(…)";
        }
        if (expression instanceof ConstructorCallExpression constructor) {
            ClassNode type = constructor.isUsingAnonymousInnerClass()
                    ? constructor.getType().getUnresolvedSuperClass() : constructor.getType();
            return "new " + type.getNameWithoutPackage() + "(…)";
        }
        if (expression instanceof PropertyExpression property) {
            return render(property.getObjectExpression()) + "." + property.getPropertyAsString();
        }
        if (expression instanceof VariableExpression variable) {
            return variable.getName();
        }
        if (expression instanceof ClassExpression type) {
            return type.getType().getName();
        }
        String text = source(expression);
        return text.length() > 40 ? text.substring(0, 38) + "…" : text;
    }

    /**
     * The text of a node as the author wrote it, cut from the recipe by position (Groovy's own
     * rendering drops quotes and adds `this.`); a node spanning lines shows its first line.
     */
    private String source(ASTNode node) {
        int line = node.getLineNumber();
        int from = node.getColumnNumber();
        if (line < 1 || line > lines.length || from < 1) {
            return node.getText();
        }
        String text = lines[line - 1];
        int to = node.getLastLineNumber() == line ? Math.min(text.length(), node.getLastColumnNumber() - 1)
                : text.length();
        if (from - 1 >= to) {
            return node.getText();
        }
        String cut = text.substring(from - 1, to).strip();
        return node.getLastLineNumber() == line ? cut : cut + " …";
    }

    private void notDeclarative(ASTNode node, String what, String hint) {
        out.error(Problem.NOT_DECLARATIVE, at(node), length(node), hint, what);
    }

    private Position at(ASTNode node) {
        return new Position(file, Math.max(1, node.getLineNumber()), Math.max(1, node.getColumnNumber()));
    }

    private static int length(ASTNode node) {
        if (node.getLastLineNumber() == node.getLineNumber() && node.getLastColumnNumber() > node.getColumnNumber()) {
            return node.getLastColumnNumber() - node.getColumnNumber();
        }
        return 1;
    }

    private static String shorten(String text) {
        if (text.length() <= 48) {
            return text;
        }
        int cut = text.lastIndexOf('.', 46);
        return (cut > 8 ? text.substring(0, cut) : text.substring(0, 46)) + "…";
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
