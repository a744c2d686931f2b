using System.Diagnostics;
using System.Text.RegularExpressions;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Docs;

/// <summary>`./build.sh --help` lists exactly the targets build/build.cake defines, so a new target (Import) cannot be missing from the help.</summary>
public partial class BuildScriptTests
{
    [Fact]
    public void Given_the_Cake_script_When_build_sh_help_is_run_Then_it_lists_every_target_and_no_other()
    {
        var cake = File.ReadAllText(Path.Combine(Repo.Root, "build", "build.cake"));
        var defined = CakeTask().Matches(cake).Select(m => m.Groups["name"].Value).Order(StringComparer.Ordinal).ToList();

        var help = RunHelp();
        var section = help[(help.IndexOf("targets", StringComparison.Ordinal))..help.IndexOf("options:", StringComparison.Ordinal)];
        var listed = HelpTarget().Matches(section).Select(m => m.Groups["name"].Value).Order(StringComparer.Ordinal).ToList();

        Assert.Contains("Import", defined);
        Assert.Equal(defined, listed);
    }

    private static string RunHelp()
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Repo.Root, "build.sh"), "--help"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repo.Root,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }

    [GeneratedRegex(@"^Task\(""(?<name>[A-Za-z]+)""\)", RegexOptions.Multiline)]
    private static partial Regex CakeTask();

    [GeneratedRegex(@"^  (?<name>[A-Z][A-Za-z]+) ", RegexOptions.Multiline)]
    private static partial Regex HelpTarget();
}
