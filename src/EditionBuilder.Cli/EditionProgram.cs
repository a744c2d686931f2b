using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using EditionBuilder.Cli.Commands;
using EditionBuilder.Output;

namespace EditionBuilder.Cli;

/// <summary>The <c>edition</c> command: parses the command line with System.CommandLine (help generated from the options), runs the subcommand and turns failures into the exit codes of docs/design.md, "The command line".</summary>
public static class EditionProgram
{
    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        var reporter = new Reporter(output, errors);
        var root = CreateRoot(reporter);
        var invocation = new InvocationConfiguration { Output = output, Error = errors, EnableDefaultExceptionHandler = false };
        var command = args.FirstOrDefault(a => !a.StartsWith('-')) ?? "edition";
        try
        {
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0 && parsed.Action is not HelpAction) return UsageError(parsed, reporter);
            return parsed.Invoke(invocation);
        }
        catch (OutputRefusedException e)
        {
            // One line saying why; nothing was written.
            reporter.Errors.WriteLine($"edition: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (UsageException e)
        {
            reporter.Errors.WriteLine($"edition: {e.Message}");
            reporter.Errors.WriteLine($"run 'edition {(command == "edition" ? string.Empty : command + " ")}--help' for usage");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // One line naming the input, never a stack trace (set EDITION_DEBUG=1 to see it).
            var input = args.Skip(1).FirstOrDefault(a => !a.StartsWith('-')) ?? "(default)";
            errors.WriteLine($"edition: internal failure while running '{command}' on {input}: {Describe(e)}");
            if (Environment.GetEnvironmentVariable("EDITION_DEBUG") == "1") errors.WriteLine(e);
            return ExitCodes.InternalFailure;
        }
    }

    /// <summary>What failed, in one line: the first failure inside the parallel stages' wrappers (a page written on another thread arrives
    /// wrapped once per level of parallel work), not "One or more errors occurred".</summary>
    public static string Describe(Exception failure)
    {
        var cause = failure is AggregateException all && all.Flatten().InnerExceptions is [var first, ..] ? first : failure;
        return $"{cause.GetType().Name}: {cause.Message.Split('\n')[0]}";
    }

    /// <summary>The command tree; every command's help is generated from its options.</summary>
    private static Command CreateRoot(Reporter reporter)
    {
        // A plain command named "edition", not RootCommand, whose name would be the host's (dotnet, testhost) when run in-process.
        var root = new Command("edition", "edition — build a bilingual scholarly web edition (Arabic text, English and French abstracts) from a Word document or its text export.\n"
            + "An output that is, contains or lies inside an input, the current folder or a repository, a symbolic link, or a non-empty folder this tool did not write is refused (exit 2); --force lifts only the last rule.\n"
            + "Exit codes: 0 success, 1 input errors (diagnostics on stderr), 2 usage error, 3 internal failure.")
        {
            ImportCommand.Create(reporter),
            BuildCommand.Create(reporter),
            ExportCommand.Create(reporter),
            VerifyCommand.Create(reporter),
            PackageCommand.Create(reporter),
            VerifyPackageCommand.Create(reporter),
            DeployCommand.Create(reporter),
            DeployCommand.CreateRollback(reporter),
            ServeCommand.Create(reporter),
            new HelpOption { Recursive = true },
            new VersionOption(),
        };
        var help = new Command("help", "Show the help of edition or of one of its commands.") { new Argument<string?>("command") { Arity = ArgumentArity.ZeroOrOne } };
        help.SetAction(parsed =>
        {
            var name = parsed.GetValue<string?>("command");
            var target = name is null ? root : root.Subcommands.FirstOrDefault(c => c.Name == name) ?? throw new UsageException(Unknown("command", name, root.Subcommands.Select(c => c.Name)));
            return root.Parse(name is null ? ["--help"] : [name, "--help"]).Invoke(new InvocationConfiguration { Output = reporter.Output, Error = reporter.Errors });
        });
        root.Add(help);
        // `edition` alone shows the help, as `edition --help` does.
        root.SetAction(parsed => root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = reporter.Output, Error = reporter.Errors }));
        return root;
    }

    // One line per problem, the nearest known name where one was mistyped, and where to find the usage.
    private static int UsageError(ParseResult parsed, Reporter reporter)
    {
        var command = parsed.CommandResult.Command;
        var isRoot = command.Parents.FirstOrDefault() is null;
        // A command made of subcommands (edition, edition export) is given a subcommand's name: an unknown word is a mistyped one.
        var picksCommand = isRoot || command.Subcommands.Count > 0;
        var names = picksCommand ? command.Subcommands.Select(c => c.Name) : command.Options.SelectMany(o => o.Aliases.Append(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal));
        var reported = false;
        var tokens = parsed.UnmatchedTokens.Concat(OptionsTakenAsArguments(parsed)).Distinct(StringComparer.Ordinal).ToList();
        if (picksCommand && tokens.FirstOrDefault(t => !t.StartsWith('-')) is { } mistyped) tokens = [mistyped]; // what follows are that command's own arguments
        foreach (var token in tokens)
        {
            var kind = token.StartsWith('-') ? "option" : picksCommand ? "command" : "argument";
            var candidates = token.StartsWith('-') ? command.Options.SelectMany(o => o.Aliases.Append(o.Name)) : names;
            reporter.Errors.WriteLine($"edition: {Unknown(kind, token, candidates)}");
            reported = true;
        }

        if (!reported)
        {
            foreach (var error in parsed.Errors) reporter.Errors.WriteLine($"edition: {error.Message}");
        }

        reporter.Errors.WriteLine($"run 'edition {(isRoot ? string.Empty : command.Name + " ")}--help' for usage");
        return ExitCodes.Usage;
    }

    // An unknown option is read by the parser as a positional argument when the command takes one: `build --outptu x` must not build a folder named --outptu.
    private static IEnumerable<string> OptionsTakenAsArguments(ParseResult parsed) =>
        parsed.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value).Where(v => v.StartsWith('-') && v != "-");

    public static string Unknown(string kind, string typed, IEnumerable<string> candidates) =>
        Suggestions.Nearest(typed, candidates) is { } nearest ? $"unknown {kind} '{typed}'; did you mean '{nearest}'?" : $"unknown {kind} '{typed}'";
}
