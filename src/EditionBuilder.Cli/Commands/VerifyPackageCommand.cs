using EditionBuilder.Package;

namespace EditionBuilder.Cli.Commands;

/// <summary><c>edition verify-package &lt;bag-or-zip&gt;</c>: lists every missing, extra or altered file of a bag.</summary>
internal static class VerifyPackageCommand
{
    public const string Usage = "edition verify-package <bag-dir | bag.zip>";

    public static int Run(IReadOnlyList<string> args, Reporter reporter)
    {
        var line = CommandLine.Parse(args, [], []);
        line.ExpectAtMost(1, Usage);
        var path = line.Positional(0) ?? throw new UsageException($"verify-package needs a bag folder or zip\nusage: {Usage}");
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
