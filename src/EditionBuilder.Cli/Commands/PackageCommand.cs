using System.CommandLine;
using EditionBuilder.Diagnostics;
using EditionBuilder.Package;

namespace EditionBuilder.Cli.Commands;

/// <summary><c>edition package &lt;site-dir&gt; [-o artifacts/package]</c>: a BagIt bag of the site and a zip of the bag.</summary>
internal static class PackageCommand
{
    public static Command Create(Reporter reporter)
    {
        var site = CommandParts.Path("site-dir", "The built site to package.");
        var output = CommandParts.Output("Where the bag and its zip go (default: artifacts/package).");
        var content = new Option<string?>("--content") { Description = "The content folder the site was built from, for the package's name, version and date (default: content); one whose articles are not the site's is refused (EB0965).", HelpName = "dir" };
        var name = new Option<string?>("--name") { Description = "The package's name (default: the article's folder, or the edition's English name).", HelpName = "name" };
        var force = CommandParts.Force("Replace a non-empty output folder that edition package did not write (it holds no .edition-package).");
        var command = new Command("package", "Write a BagIt bag of a built site and a zip of the bag, with SHA-256 manifests.") { site, output, content, name, force };
        command.SetAction(parsed => Run(
            new PackageRequest(parsed.GetValue(site)!, parsed.GetValue(output) ?? Path.Combine("artifacts", "package"), parsed.GetValue(content) ?? "content", parsed.GetValue(name), parsed.GetValue(force),
                Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH")),
            reporter));
        return command;
    }

    private static int Run(PackageRequest request, Reporter reporter)
    {
        if (!Directory.Exists(request.Site)) throw new UsageException($"{request.Site}: no such folder");
        var diagnostics = new DiagnosticBag();
        var result = EditionPackager.Run(request, diagnostics);
        if (reporter.Print(diagnostics) || result is null) return ExitCodes.InputErrors;
        reporter.Line($"packaged {result.Files} files of {request.Site} as a BagIt bag {result.BagFolder} and {result.ZipPath} ({result.ZipBytes / 1024} KiB)");
        return ExitCodes.Success;
    }
}
