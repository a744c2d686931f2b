using EditionBuilder.Diagnostics;
using EditionBuilder.Output;
using EditionBuilder.Render;
using EditionBuilder.Site;
using EditionBuilder.Verify;

namespace EditionBuilder.Cli.Commands;

/// <summary><c>edition verify &lt;site-dir&gt;</c>: checks a built site's links, fragments, notes and lang/dir.</summary>
internal static class VerifyCommand
{
    public const string Usage = "edition verify <site-dir>";

    public static int Run(IReadOnlyList<string> args, Reporter reporter)
    {
        var line = CommandLine.Parse(args, [], []);
        line.ExpectAtMost(1, Usage);
        var site = line.Positional(0) ?? throw new UsageException($"verify needs a site folder\nusage: {Usage}");
        if (!Directory.Exists(site)) throw new UsageException($"{site}: no such folder");

        var diagnostics = new DiagnosticBag();
        var files = ReadSite(site, diagnostics);
        var report = SiteVerifier.Verify(files, diagnostics);
        if (reporter.Print(diagnostics)) return ExitCodes.InputErrors;
        reporter.Line($"verified {site}: {report.Pages} pages, {report.Links} links, {report.NoteReferences} note references: all resolve");
        return ExitCodes.Success;
    }

    /// <summary>Reads every regular file of a site folder (.gz and .br copies only when asked); a symbolic link, FIFO, device or socket is an error at its path, never read.</summary>
    public static List<SiteFile> ReadSite(string site, DiagnosticBag diagnostics, bool includeCompressed = false) =>
        SiteFolderReader.Read(site, diagnostics, includeCompressed);
}
