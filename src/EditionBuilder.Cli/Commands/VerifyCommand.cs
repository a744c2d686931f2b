using System.CommandLine;
using EditionBuilder.Diagnostics;
using EditionBuilder.Output;
using EditionBuilder.Site;
using EditionBuilder.Verify;

namespace EditionBuilder.Cli.Commands;

/// <summary><c>edition verify &lt;site-dir&gt;</c>: checks a built site's links, fragments, notes and lang/dir.</summary>
internal static class VerifyCommand
{
    public static Command Create(Reporter reporter)
    {
        var site = CommandParts.Path("site-dir", "The built site to check.");
        var command = new Command("verify", "Check every link, fragment, note, back-link and lang/dir of a built site.") { site };
        command.SetAction(parsed => Run(parsed.GetValue(site)!, reporter));
        return command;
    }

    private static int Run(string site, Reporter reporter)
    {
        if (!Directory.Exists(site)) throw new UsageException($"{site}: no such folder");

        var diagnostics = new DiagnosticBag();
        var files = SiteFolderReader.Read(site, diagnostics);
        var report = SiteVerifier.Verify(files, diagnostics, site);
        if (reporter.Print(diagnostics, "the site needs fixing before it is published.")) return ExitCodes.InputErrors;
        reporter.Line($"verified {site}: {report.Pages} pages, {report.Links} links, {report.NoteReferences} note references: all resolve");
        return ExitCodes.Success;
    }
}
