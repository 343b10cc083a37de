import groovy.lang.Binding;
import groovy.lang.GroovyShell;
import groovy.transform.TimedInterrupt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.GStringExpression;
import org.codehaus.groovy.ast.expr.ListExpression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;
import org.codehaus.groovy.control.customizers.SecureASTCustomizer;
import org.codehaus.groovy.syntax.Types;
import org.relengine.compile.Recipes;

/**
 * What evaluating a recipe's constants costs in a cold JVM, two ways, for ADR 0007:
 *
 * <pre>
 *   java -cp runtime/target/relengine.jar bench/ConstantsBench.java reader      recipes/rocky9.groovy
 *   java -cp runtime/target/relengine.jar bench/ConstantsBench.java groovyshell recipes/rocky9.groovy
 * </pre>
 *
 * Both load the recipe as relengine does (read, merge, resolve, build, validate). {@code groovyshell} then
 * also evaluates the recipe's {@code def} lines (one line each) with GroovyShell, as the alternative would: a
 * {@code SecureASTCustomizer} admitting the reader's node types only, no imports, a {@code TimedInterrupt} of
 * 5 s, the release's fields in the binding. It prints the milliseconds of each part and the values GroovyShell
 * computed, so that a run shows it evaluated the same constants.
 */
public class ConstantsBench {

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path recipe = Path.of(args[1]);
        long start = System.nanoTime();
        Recipes.Result result = Recipes.load(recipe);
        long loaded = System.nanoTime();
        if (!result.ok()) {
            System.err.println("the recipe has errors");
            System.exit(1);
        }
        long evaluated = loaded;
        String values = "";
        if (mode.equals("groovyshell")) {
            var release = result.recipe().release();
            Binding binding = new Binding();
            binding.setVariable("release", Map.of("name", release.name(), "short", release.shortName(),
                    "version", release.version(), "major", String.valueOf(release.major()),
                    "minor", String.valueOf(release.minor()), "code", release.code()));
            // a `def` is a local variable of the script: as an assignment it lands in the binding, to be read back
            String script = Files.readAllLines(recipe).stream().filter(l -> l.startsWith("def "))
                    .map(l -> l.substring(4)).collect(Collectors.joining("\n"));
            new GroovyShell(ConstantsBench.class.getClassLoader(), binding, configuration()).evaluate(script);
            evaluated = System.nanoTime();
            values = " " + binding.getVariables().keySet().stream().filter(k -> !k.equals("release")).sorted().toList();
        }
        System.out.printf("%s: load %d ms, groovyshell %d ms%s%n", mode, (loaded - start) / 1_000_000,
                (evaluated - loaded) / 1_000_000, values);
    }

    static CompilerConfiguration configuration() {
        SecureASTCustomizer secure = new SecureASTCustomizer();
        secure.setClosuresAllowed(false);
        secure.setMethodDefinitionAllowed(false);
        secure.setPackageAllowed(false);
        secure.setAllowedImports(List.of());
        secure.setAllowedStarImports(List.of());
        secure.setAllowedStaticImports(List.of());
        secure.setAllowedStaticStarImports(List.of());
        secure.setIndirectImportCheckEnabled(true);
        secure.setAllowedTokens(List.of(Types.PLUS, Types.ASSIGN));
        secure.setAllowedExpressions(List.of(ConstantExpression.class, ListExpression.class, MapExpression.class,
                MapEntryExpression.class, VariableExpression.class, BinaryExpression.class, GStringExpression.class,
                PropertyExpression.class, DeclarationExpression.class));
        secure.setAllowedStatements(List.of(ExpressionStatement.class, BlockStatement.class));
        CompilerConfiguration configuration = new CompilerConfiguration();
        configuration.addCompilationCustomizers(secure,
                new ASTTransformationCustomizer(Map.of("value", 5L), TimedInterrupt.class));
        return configuration;
    }
}
