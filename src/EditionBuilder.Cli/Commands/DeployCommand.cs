using System.CommandLine;
using EditionBuilder.Diagnostics;
using EditionBuilder.Output;
using EditionBuilder.Verify;

namespace EditionBuilder.Cli.Commands;

/// <summary><c>edition deploy &lt;site-dir&gt; &lt;target-dir&gt;</c> and <c>edition rollback &lt;target-dir&gt;</c>: atomic publishing with one previous release kept.</summary>
internal static class DeployCommand
{
    public static Command Create(Reporter reporter)
    {
        var site = CommandParts.Path("site-dir", "The built site to publish.");
        var target = CommandParts.Path("target-dir", "Where the web server serves the site from; it becomes a link to the live release.");
        var keepExisting = new Option<bool>("--keep-existing") { Description = "When the target is a folder of files edition deploy did not write, keep that folder whole as a release that is never pruned (edition rollback returns to it), instead of refusing." };
        var command = new Command("deploy", "Verify a built site, then publish it atomically; the previous release is kept for edition rollback.") { site, target, keepExisting };
        command.SetAction(parsed => Run(parsed.GetValue(site)!, parsed.GetValue(target)!, parsed.GetValue(keepExisting), reporter));
        return command;
    }

    public static Command CreateRollback(Reporter reporter)
    {
        var target = CommandParts.Path("target-dir", "A folder edition deploy published to.");
        var command = new Command("rollback", "Make the previous release live again.") { target };
        command.SetAction(parsed => Rollback(parsed.GetValue(target)!, reporter));
        return command;
    }

    private static int Run(string site, string target, bool keepExisting, Reporter reporter)
    {
        if (!Directory.Exists(site)) throw new UsageException($"{site}: no such site folder");

        var diagnostics = new DiagnosticBag();
        var result = SiteDeployer.DeployVerified(site, target, diagnostics, new SiteDeployer.Options(keepExisting, Waiting: reporter.Errors.WriteLine));
        reporter.Print(diagnostics);
        if (result is null)
        {
            reporter.Errors.WriteLine(diagnostics.Items.Any(d => d.Code is DiagnosticCodes.DeployTargetHoldsFiles or DiagnosticCodes.NotABuiltSite)
                ? $"deploy refused: {target} is untouched."
                : $"deploy refused: {site} does not verify; {target} is untouched.");
            return ExitCodes.InputErrors;
        }

        reporter.Line(result.Unchanged
            ? $"{target} already serves this site ({result.Current}); nothing changed; previous release: {result.Previous ?? "none"}"
            : $"deployed {result.Files} files to {target} ({result.Current}); "
                + (result.Previous is null ? "no previous release yet (the next deploy keeps this one for edition rollback)" : $"previous release: {result.Previous} (edition rollback {target})"));
        return ExitCodes.Success;
    }

    private static int Rollback(string target, Reporter reporter)
    {
        var diagnostics = new DiagnosticBag();
        var result = SiteDeployer.Rollback(target, diagnostics, reporter.Errors.WriteLine);
        reporter.Print(diagnostics);
        if (result is null)
        {
            reporter.Errors.WriteLine($"rollback refused: {target} is untouched.");
            return ExitCodes.InputErrors;
        }

        reporter.Line($"rolled {target} back to {result.Current}; {result.Previous} is kept as the previous release");
        return ExitCodes.Success;
    }
}
