using System.CommandLine;
using EditionBuilder.Package;

namespace EditionBuilder.Cli.Commands;

/// <summary><c>edition verify-package &lt;bag-or-zip&gt;</c>: lists every missing, extra or altered file of a bag.</summary>
internal static class VerifyPackageCommand
{
    public static Command Create(Reporter reporter)
    {
        var bag = CommandParts.Path("bag", "A BagIt bag folder or its zip, as edition package wrote it.");
        var command = new Command("verify-package", "List every missing, extra or altered file of a package (its SHA-256 manifests).") { bag };
        command.SetAction(parsed => Run(parsed.GetValue(bag)!, reporter));
        return command;
    }

    private static int Run(string path, Reporter reporter)
    {
        if (!Directory.Exists(path) && !File.Exists(path)) throw new UsageException($"{path}: no such bag folder or zip");

        var report = BagVerifier.Verify(path);
        foreach (var finding in report.Findings)
        {
            reporter.Errors.WriteLine($"{path}: error {finding.Code}: {finding.Kind} {finding.Path}: {finding.Detail}");
        }

        if (report.Findings.Count > 0)
        {
            reporter.Errors.WriteLine($"{report.Findings.Count} problem(s): the bag is not intact.");
            return ExitCodes.InputErrors;
        }

        reporter.Line($"verified {path}: {report.PayloadFiles} payload files ({report.PayloadBytes} bytes) match their SHA-256 manifest");
        return ExitCodes.Success;
    }
}
