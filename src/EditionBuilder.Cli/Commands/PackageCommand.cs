using System.CommandLine;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Model;
using EditionBuilder.Output;
using EditionBuilder.Package;
using EditionBuilder.Render;

namespace EditionBuilder.Cli.Commands;

/// <summary><c>edition package &lt;site-dir&gt; [-o artifacts/package]</c>: a BagIt bag of the site and a zip of the bag.</summary>
internal static class PackageCommand
{
    public static Command Create(Reporter reporter)
    {
        var site = CommandParts.Path("site-dir", "The built site to package.");
        var output = CommandParts.Output("Where the bag and its zip go (default: artifacts/package).");
        var content = new Option<string?>("--content") { Description = "The content folder the site was built from, for the package's name, version and date (default: content).", HelpName = "dir" };
        var name = new Option<string?>("--name") { Description = "The package's name (default: the article's folder, or the edition's English name).", HelpName = "name" };
        var command = new Command("package", "Write a BagIt bag of a built site and a zip of the bag, with SHA-256 manifests.") { site, output, content, name };
        command.SetAction(parsed => Run(parsed.GetValue(site)!, parsed.GetValue(output), parsed.GetValue(content), parsed.GetValue(name), reporter));
        return command;
    }

    private static int Run(string site, string? outputOption, string? contentOption, string? nameOption, Reporter reporter)
    {
        if (!Directory.Exists(site)) throw new UsageException($"{site}: no such folder");
        var output = outputOption ?? Path.Combine("artifacts", "package");

        var diagnostics = new DiagnosticBag();
        var contentFolder = contentOption ?? "content";
        var content = Directory.Exists(contentFolder) ? ContentFolder.Read(contentFolder, diagnostics) : null;
        if (reporter.Print(diagnostics)) return ExitCodes.InputErrors;

        var files = VerifyCommand.ReadSite(site, includeCompressed: true);
        var name = nameOption ?? PackageName(content);
        var version = string.IsNullOrWhiteSpace(content?.Edition.Version) ? "1" : content.Edition.Version.Trim();
        var bagName = $"{Slug.From(name)}-{Slug.From(version)}";
        var (date, zipTime) = BagItPackage.BaggingDate(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), DateOf(content));
        var info = new BagItPackage.BagInfo(content?.Edition.Publisher ?? string.Empty, Description(content), date);

        var bag = BagItPackage.Bag(files, info);
        var zip = BagItPackage.Zip(bagName, bag, zipTime);
        var written = bag.Select(f => ($"{bagName}/{f.Path}", f.Bytes)).Append(($"{bagName}.zip", zip));
        AtomicFolder.Replace(output, written);
        reporter.Line($"packaged {files.Count} files of {site} as a BagIt bag {Path.Combine(output, bagName)} and {Path.Combine(output, bagName + ".zip")} ({zip.Length / 1024} KiB)");
        return ExitCodes.Success;
    }

    private static string PackageName(EditionContent? content) =>
        content is { Articles.Count: 1 } ? content.Articles[0].Slug : content?.Edition.NameIn("en") is { Length: > 0 } n ? n : "edition";

    private static string DateOf(EditionContent? content) =>
        content is { Articles.Count: 1 } ? content.Articles[0].Metadata.Date : string.Empty;

    private static string Description(EditionContent? content) =>
        content is null ? "A static web edition built by EditionBuilder"
        : content.Articles.Count == 1 ? $"Web edition of \"{content.Articles[0].Metadata.TitleIn("en")}\""
        : $"Web edition of {content.Edition.NameIn("en")}: {content.Articles.Count} articles";
}
