using System.Diagnostics;
using EditionBuilder.BrowserTests.Support;
using Xunit;

namespace EditionBuilder.BrowserTests;

/// <summary>The Nu Html Checker (npm vnu-jar, run with Debian's Java) finds no error on any page of the site.</summary>
[Collection("site")]
public class HtmlValidityTests(SiteFixture site)
{
    private static string VnuJar => Path.Combine(Repo.Root, "tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    [SkippableFact]
    public void Given_every_page_of_the_site_When_the_Nu_checker_reads_them_Then_it_reports_no_error()
    {
        var java = Programs.Find("java");
        Programs.Require(java ?? "/usr/bin/java", "default-jre-headless");
        if (!File.Exists(VnuJar))
        {
            const string message = "tools/node_modules/vnu-jar is missing: run `npm ci --prefix tools`";
            if (Programs.InCi) Assert.Fail(message);
            Skip.If(true, message);
        }

        var (exit, output) = Run(java!, "-jar", VnuJar, "--errors-only", "--format", "gnu", "--skip-non-html", site.SiteFolder);

        Assert.True(exit == 0 && output.Trim().Length == 0, $"the Nu Html Checker found errors (exit {exit}):\n{output}");
        Assert.True(site.Pages.Count >= 16);
    }

    [SkippableFact]
    public void Given_a_page_with_an_error_When_the_Nu_checker_reads_it_Then_it_reports_it()
    {
        var java = Programs.Find("java");
        if (java is null || !File.Exists(VnuJar)) Skip.If(!Programs.InCi, "java or vnu.jar missing");
        var folder = Directory.CreateTempSubdirectory("eb-vnu-").FullName;
        File.WriteAllText(Path.Combine(folder, "bad.html"), "<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><title>x</title></head><body><p><div></p></body></html>");

        var (exit, output) = Run(java!, "-jar", VnuJar, "--errors-only", "--format", "gnu", folder);

        Assert.NotEqual(0, exit);
        Assert.Contains("error", output);
        Directory.Delete(folder, recursive: true);
    }

    private static (int Exit, string Output) Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
