using System.CommandLine;
using EditionBuilder.Diagnostics;
using EditionBuilder.Pipeline;

namespace EditionBuilder.Cli.Commands;

/// <summary><c>edition import &lt;source.txt|.docx&gt; [-o &lt;dir&gt;]</c>: a Word document or its text export becomes an article folder's Markdown half (with its images).</summary>
internal static class ImportCommand
{
    public static Command Create(Reporter reporter)
    {
        var source = CommandParts.Path("source", "The Word document (.docx) or its text export (.txt) to import.");
        var output = CommandParts.Output("The article folder to write (default: artifacts/markdown/<article-slug>).");
        var force = CommandParts.Force("Replace a non-empty output folder that is not an article folder (it holds no article.yml), and chapters, abstracts or images of the folder that differ from this import.");
        var encoding = CommandParts.Encoding();
        var command = new Command("import", "Turn a Word document (.docx) or its text export (.txt) into an article folder's Markdown chapters, images, abstracts and article.yml.") { source, output, force, encoding };
        command.SetAction(parsed => Run(parsed.GetValue(source)!, parsed.GetValue(output), parsed.GetValue(force), CommandParts.EncodingNamed(parsed.GetValue(encoding)), reporter));
        return command;
    }

    private static int Run(string source, string? output, bool force, System.Text.Encoding? encoding, Reporter reporter)
    {
        if (!File.Exists(source)) throw new UsageException($"{source}: no such file");

        var diagnostics = new DiagnosticBag();
        var report = ImportArticle.Run(source, output, force, diagnostics, encoding);
        if (reporter.Print(diagnostics, report.Blocking.Count > 0 ? $"nothing was written; {report.Output} is untouched." : "nothing was written.") || !report.Succeeded)
        {
            return ExitCodes.InputErrors;
        }

        if (report.Filled.Count > 0) reporter.Line($"{report.MetadataPath}: filled {string.Join(", ", report.Filled)}; every other field kept as written");
        if (report.NotFilled.Count > 0) reporter.Line($"{report.MetadataPath}: kept as written; fill {string.Join(", ", report.NotFilled)} by hand (the source gives them, but this file's layout could not be edited safely)");
        if (report.ReplacedEdits) reporter.Line($"replaced {report.Changed.Count} and removed {report.Dropped.Count} file(s) of {report.Output} that differed from this import (--force)");
        if (report.Kept.Count > 0) reporter.Line($"kept    {report.Kept.Count} file(s) of {report.Output} the import does not write: {ImportArticle.Listed(report.Kept)}");
        reporter.Line($"imported {source}: {Summary(report)}; {report.Conservation!.Summary} -> {report.Output}");
        return ExitCodes.Success;
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    /// <summary>"2 chapters, 40 paragraphs, 12 notes, 3 abstracts (ar, en, fr), opening (2 authors, keywords: 4 ar, 4 en)".</summary>
    private static string Summary(ImportReport report) =>
        $"{Count(report.Chapters, "chapter")}, {Count(report.Paragraphs, "paragraph")}, {Count(report.Notes, "note")}, "
            + Count(report.Abstracts.Count, "abstract") + (report.Abstracts.Count > 0 ? $" ({string.Join(", ", report.Abstracts)})" : string.Empty)
            + (report.Images > 0 ? $", {Count(report.Images, "image")}" : string.Empty)
            + (report.HasOpening ? $", opening ({Count(report.Authors, "author")}{Keywords(report)})" : string.Empty);

    // Keywords per language, as EB0108 lists the opening's ("4 keywords (ar, line 12)"): one total over every language
    // ("12 keywords") read as if the opening had listed twelve.
    private static string Keywords(ImportReport report) =>
        report.Keywords.Count == 0 ? string.Empty : ", keywords: " + string.Join(", ", report.Keywords.Select(k => $"{k.Count} {k.Language}"));
}
