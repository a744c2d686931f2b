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
    public const string Usage = "edition package <site-dir> [-o <package-dir>] [--content <content-dir>] [--name <name>] [--force]";

    public static int Run(IReadOnlyList<string> args, Reporter reporter)
    {
        var line = CommandLine.Parse(args, ["-o", "--output", "--content", "--name"], ["--force"]);
        line.ExpectAtMost(1, Usage);
        var site = line.Positional(0) ?? throw new UsageException($"package needs a site folder\nusage: {Usage}");
        if (!Directory.Exists(site)) throw new UsageException($"{site}: no such folder");
        var output = line.Option("-o", "--output") ?? Path.Combine("artifacts", "package");

        var contentFolder = line.Option("--content") ?? "content";
        OutputGuard.Ensure(OutputKind.Package, output,
            [new(site, "the site being packaged"), .. Directory.Exists(contentFolder) ? [new ProtectedPath(contentFolder, "the content folder")] : Array.Empty<ProtectedPath>()],
            line.Flag("--force"));

        var diagnostics = new DiagnosticBag();
        var content = Directory.Exists(contentFolder) ? ContentFolder.Read(contentFolder, diagnostics) : null;
        var files = VerifyCommand.ReadSite(site, diagnostics, includeCompressed: true);
        if (reporter.Print(diagnostics)) return ExitCodes.InputErrors;
        var name = line.Option("--name") ?? PackageName(content);
        var version = string.IsNullOrWhiteSpace(content?.Edition.Version) ? "1" : content.Edition.Version.Trim();
        var bagName = $"{Slug.From(name)}-{Slug.From(version)}";
        var (date, zipTime) = BagItPackage.BaggingDate(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), DateOf(content));
        var info = new BagItPackage.BagInfo(content?.Edition.Publisher ?? string.Empty, Description(content), date);

        var bag = BagItPackage.Bag(files, info);
        var zip = BagItPackage.Zip(bagName, bag, zipTime);
        var written = bag.Select(f => ($"{bagName}/{f.Path}", f.Bytes)).Append(($"{bagName}.zip", zip));
        AtomicFolder.Replace(output, written, OutputKind.Package);
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
