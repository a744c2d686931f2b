using EditionBuilder.Cli.Commands;

namespace EditionBuilder.Cli;

/// <summary>The <c>edition</c> command: dispatches to a subcommand and turns failures into exit codes.</summary>
public static class EditionProgram
{
    private const string Help = """
        edition — build a bilingual scholarly web edition from a Word text export

        usage:
          edition import  <source.txt|.docx> [-o <article-dir>]    Word document or export -> Markdown chapters
          edition build   [<content-dir> | <source.txt|.docx>] [-o <dir>] import if needed, render, minify, verify (default: content/ -> artifacts/site)
          edition verify  <site-dir>                                check links, notes, lang/dir of a built site
          edition package <site-dir> [-o <dir>]                     BagIt bag + zip with SHA-256 manifests (default: artifacts/package)
          edition verify-package <bag-dir | bag.zip>                list missing, extra or altered files of a bag
          edition deploy  <site-dir> <target-dir>                   verify, then publish atomically (previous release kept)
          edition rollback <target-dir>                             make the previous release live again
          edition serve   [<content-dir>] [--port 8080]             preview on 127.0.0.1, rebuilt and reloaded on every change
          edition help                                              this text

        exit codes: 0 success, 1 input errors (diagnostics on stderr), 2 usage error, 3 internal failure
        """;

    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        var reporter = new Reporter(output, errors);
        var command = args.Length > 0 ? args[0] : "help";
        var rest = args.Skip(1).ToList();
        var input = rest.FirstOrDefault(a => !a.StartsWith('-')) ?? "(default)";
        try
        {
            return command switch
            {
                "import" => ImportCommand.Run(rest, reporter),
                "build" => BuildCommand.Run(rest, reporter),
                "verify" => VerifyCommand.Run(rest, reporter),
                "package" => PackageCommand.Run(rest, reporter),
                "verify-package" => VerifyPackageCommand.Run(rest, reporter),
                "deploy" => DeployCommand.Run(rest, reporter),
                "rollback" => DeployCommand.Rollback(rest, reporter),
                "serve" => ServeCommand.Run(rest, reporter),
                "help" or "--help" or "-h" => PrintHelp(output),
                _ => throw new UsageException($"unknown command '{command}'"),
            };
        }
        catch (UsageException e)
        {
            errors.WriteLine($"edition: {e.Message}");
            errors.WriteLine("run 'edition help' for usage");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // One line naming the input, never a stack trace (set EDITION_DEBUG=1 to see it).
            errors.WriteLine($"edition: internal failure while running '{command}' on {input}: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            if (Environment.GetEnvironmentVariable("EDITION_DEBUG") == "1") errors.WriteLine(e);
            return ExitCodes.InternalFailure;
        }
    }

    private static int PrintHelp(TextWriter output)
    {
        output.WriteLine(Help);
        return ExitCodes.Success;
    }
}
