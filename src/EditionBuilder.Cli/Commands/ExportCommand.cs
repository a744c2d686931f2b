using System.CommandLine;
using System.Globalization;
using EditionBuilder.Diagnostics;
using EditionBuilder.Exports;

namespace EditionBuilder.Cli.Commands;

/// <summary><c>edition export crossref|doaj &lt;content-dir&gt; [-o FILE]</c>: the files a journal sends to registries (a Crossref deposit, DOAJ's article XML), made from the same content as the site and never published on it.</summary>
internal static class ExportCommand
{
    public static Command Create(Reporter reporter)
    {
        var command = new Command("export", "Write the file a registry takes: a Crossref deposit (crossref) or DOAJ's article XML (doaj). docs/journal.md says how to send each.");
        command.Subcommands.Add(Crossref(reporter));
        command.Subcommands.Add(Doaj(reporter));
        return command;
    }

    private static Command Crossref(Reporter reporter)
    {
        var content = CommandParts.Path("content-dir", "The content folder (edition.yml and the article folders).");
        var output = Output("artifacts/exports/crossref.xml");
        var batchId = new Option<string?>("--batch-id") { Description = "The deposit's doi_batch_id (default: derived from the deposit's content, the same on every export of the same articles).", HelpName = "id" };
        var timestamp = new Option<string?>("--timestamp") { Description = "The deposit's timestamp, digits only such as 20240915120000 (default: the newest article's date); Crossref takes a new deposit of a DOI only when its timestamp is higher.", HelpName = "number" };
        var command = new Command("crossref", "Write a Crossref deposit (schema 5.3.1) registering every article's DOI.") { content, output, batchId, timestamp };
        command.SetAction(parsed =>
        {
            var stamp = parsed.GetValue(timestamp);
            long? value = null;
            if (stamp is not null)
            {
                if (!long.TryParse(stamp, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) throw new UsageException($"--timestamp takes digits only (such as 20240915120000), not '{stamp}'");
                value = number;
            }

            var id = parsed.GetValue(batchId);
            if (id is not null && (id.Trim().Length == 0 || id.Length > 100)) throw new UsageException("--batch-id takes 1 to 100 characters");
            return Run(new RegistryExportRequest(Registry.Crossref, parsed.GetValue(content)!, parsed.GetValue(output) ?? Path.Combine("artifacts", "exports", "crossref.xml"), id, value), reporter);
        });
        return command;
    }

    private static Command Doaj(Reporter reporter)
    {
        var content = CommandParts.Path("content-dir", "The content folder (edition.yml and the article folders).");
        var output = Output("artifacts/exports/doaj.xml");
        var command = new Command("doaj", "Write DOAJ's article XML (doajArticles.xsd), a record per article, to upload at doaj.org.") { content, output };
        command.SetAction(parsed => Run(new RegistryExportRequest(Registry.Doaj, parsed.GetValue(content)!, parsed.GetValue(output) ?? Path.Combine("artifacts", "exports", "doaj.xml")), reporter));
        return command;
    }

    private static Option<string?> Output(string fallback) => new("--output", "-o") { Description = $"The file to write (default: {fallback}).", HelpName = "file" };

    private static int Run(RegistryExportRequest request, Reporter reporter)
    {
        var diagnostics = new DiagnosticBag();
        var report = RegistryExport.Run(request, diagnostics);
        if (report.Refused)
        {
            // An unusable path (no content folder, -o a folder or inside the content): a usage error, as every refused output is.
            reporter.Print(diagnostics);
            return ExitCodes.Usage;
        }

        if (reporter.Print(diagnostics) || !report.Succeeded) return ExitCodes.InputErrors;
        reporter.Line($"wrote {report.Output}: {report.What}, {report.Articles} article record(s)");
        return ExitCodes.Success;
    }
}
