package dev.envprofile.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The one line a command-line mistake gets: an unknown option or command is named as unknown (with
 * the closest known one), before any complaint about options that are missing because of it.
 */
final class UsageErrors {
  private static final int SHOWN = 60;

  private UsageErrors() {}

  static String describe(CommandLine.ParameterException e) {
    CommandLine c = e.getCommandLine();
    CommandSpec spec = c.getCommandSpec();
    String help = " (see " + spec.qualifiedName(" ") + " --help)";
    List<String> unmatched = c.getUnmatchedArguments();
    if (unmatched.isEmpty()) {
      return e.getMessage() + valueSuggestion(e) + help;
    }
    String arg = unmatched.get(0);
    if (arg.startsWith("-") && arg.length() > 1) {
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      return "unknown option " + shown(name) + Suggestions.didYouMean(name, spec.optionsMap().keySet()) + help;
    }
    if (!spec.subcommands().isEmpty()) {
      return "unknown command '" + shown(arg) + "'" + Suggestions.didYouMean(arg, spec.subcommands().keySet()) + help;
    }
    return "unexpected argument '" + shown(arg) + "'" + help;
  }

  /** For a value outside an option's choices (-o tabel), the closest choice. */
  private static String valueSuggestion(CommandLine.ParameterException e) {
    if (e.getArgSpec() == null || e.getValue() == null || e.getArgSpec().completionCandidates() == null) {
      return "";
    }
    List<String> choices = new java.util.ArrayList<>();
    e.getArgSpec().completionCandidates().forEach(choices::add);
    return Suggestions.didYouMean(e.getValue(), choices);
  }

  /** "no command given": a usage error like any other (exit 2), not the help with exit 0. */
  static String noCommand(CommandSpec spec) {
    return "no command given: " + String.join(", ", spec.subcommands().keySet()) + " (see " + spec.name() + " --help)";
  }

  private static String shown(String s) {
    return s.length() > SHOWN ? s.substring(0, SHOWN) + "..." : s;
  }
}
