using System.CommandLine;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
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
        var force = CommandParts.Force("Replace a non-empty output folder that edition package did not write (it holds no .edition-package).");
        var command = new Command("package", "Write a BagIt bag of a built site and a zip of the bag, with SHA-256 manifests.") { site, output, content, name, force };
        command.SetAction(parsed => Run(
            new Request(parsed.GetValue(site)!, parsed.GetValue(output) ?? Path.Combine("artifacts", "package"), parsed.GetValue(content) ?? "content", parsed.GetValue(name), parsed.GetValue(force)),
            reporter));
        return command;
    }

    /// <summary>What to package, and where.</summary>
    private sealed record Request(string Site, string Output, string Content, string? Name, bool Force);

    private static int Run(Request request, Reporter reporter)
    {
        var (site, output, contentFolder) = (request.Site, request.Output, request.Content);
        if (!Directory.Exists(site)) throw new UsageException($"{site}: no such folder");
        var notSite = new DiagnosticBag();
        if (!SiteFolderReader.IsBuiltSite(site, "edition package", notSite))
        {
            reporter.Print(notSite);
            return ExitCodes.InputErrors;
        }

        OutputGuard.Ensure(OutputKind.Package, output,
            [new(site, "the site being packaged"), .. Directory.Exists(contentFolder) ? [new ProtectedPath(contentFolder, "the content folder")] : Array.Empty<ProtectedPath>()],
            request.Force);

        var diagnostics = new DiagnosticBag();
        var content = Directory.Exists(contentFolder) ? ContentFolder.Read(contentFolder, diagnostics) : null;
        var files = SiteFolderReader.Read(site, diagnostics, includeCompressed: true);
        if (reporter.Print(diagnostics)) return ExitCodes.InputErrors;
        var undated = new DiagnosticBag(); // its own bag: the content's warnings above are printed once
        var description = EditionPackager.Describe(content, request.Name, Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), undated, contentFolder);
        reporter.Print(undated);
        var result = EditionPackager.Write(files, description, output);
        reporter.Line($"packaged {result.Files} files of {site} as a BagIt bag {result.BagFolder} and {result.ZipPath} ({result.ZipBytes / 1024} KiB)");
        return ExitCodes.Success;
    }
}
