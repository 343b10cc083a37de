package org.relengine.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.relengine.validate.Suggestions;
import picocli.CommandLine;

/**
 * Did-you-mean for the command line, by the same rule as for recipes: an unknown option or command
 * gets the nearest valid one, or the list of valid ones.
 */
final class UsageSuggestions {

    private UsageSuggestions() {
    }

    static void print(CommandLine.UnmatchedArgumentException e, PrintWriter err) {
        CommandLine.Model.CommandSpec spec = e.getCommandLine().getCommandSpec();
        for (String word : e.getUnmatched()) {
            if (word.startsWith("-")) {
                String option = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
                List<String> names = new ArrayList<>();
                spec.options().forEach(o -> names.addAll(List.of(o.names())));
                Suggestions.closest(option, names).ifPresent(n -> err.println("Did you mean " + n + "?"));
            } else if (!spec.subcommands().isEmpty()) {
                List<String> commands = List.copyOf(spec.subcommands().keySet());
                err.println(Suggestions.closest(word, commands).map(n -> "Did you mean " + n + "?")
                        .orElse("Commands: " + String.join(", ", commands)));
            }
            return;
        }
    }
}
