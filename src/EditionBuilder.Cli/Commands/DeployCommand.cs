using EditionBuilder.Diagnostics;
using EditionBuilder.Output;
using EditionBuilder.Verify;

namespace EditionBuilder.Cli.Commands;

/// <summary><c>edition deploy &lt;site-dir&gt; &lt;target-dir&gt;</c> and <c>edition rollback &lt;target-dir&gt;</c>: atomic publishing with one previous release kept.</summary>
internal static class DeployCommand
{
    public const string Usage = "edition deploy <site-dir> <target-dir>";
    public const string RollbackUsage = "edition rollback <target-dir>";

    public static int Run(IReadOnlyList<string> args, Reporter reporter)
    {
        var line = CommandLine.Parse(args, [], []);
        line.ExpectAtMost(2, Usage);
        var site = line.Positional(0) ?? throw new UsageException($"deploy needs a site folder and a target\nusage: {Usage}");
        var target = line.Positional(1) ?? throw new UsageException($"deploy needs a target folder\nusage: {Usage}");
        if (!Directory.Exists(site)) throw new UsageException($"{site}: no such site folder");
        OutputGuard.Ensure(OutputKind.Deploy, target, [new(site, "the site being deployed")], force: false);

        var diagnostics = new DiagnosticBag();
        var files = VerifyCommand.ReadSite(site, diagnostics, includeCompressed: true);
        SiteVerifier.Verify(files, diagnostics);
        if (files.Count == 0) diagnostics.Error(DiagnosticCodes.ContentMissing, site, 0, 0, "the site folder is empty");
        if (reporter.Print(diagnostics))
        {
            reporter.Errors.WriteLine($"deploy refused: {site} does not verify; {target} is untouched.");
            return ExitCodes.InputErrors;
        }

        var result = SiteDeployer.Deploy(files, target);
        reporter.Line(result.Unchanged
            ? $"{target} already serves this site ({result.Current}); nothing changed; previous release: {result.Previous ?? "none"}"
            : $"deployed {result.Files} files to {target} ({result.Current}); previous release: {result.Previous ?? "none"} (edition rollback {target})");
        return ExitCodes.Success;
    }

    public static int Rollback(IReadOnlyList<string> args, Reporter reporter)
    {
        var line = CommandLine.Parse(args, [], []);
        line.ExpectAtMost(1, RollbackUsage);
        var target = line.Positional(0) ?? throw new UsageException($"rollback needs a target folder\nusage: {RollbackUsage}");
        try
        {
            var result = SiteDeployer.Rollback(target);
            reporter.Line($"rolled {target} back to {result.Current}; {result.Previous} is kept as the previous release");
            return ExitCodes.Success;
        }
        catch (InvalidOperationException e)
        {
            reporter.Errors.WriteLine($"{target}: error: {e.Message}");
            return ExitCodes.InputErrors;
        }
    }
}
