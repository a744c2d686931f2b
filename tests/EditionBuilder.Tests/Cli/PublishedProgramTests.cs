using System.Diagnostics;
using System.Text;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Cli;

/// <summary>
/// The programs `./build.sh --target=Publish` and `--target=PublishAot` write (artifacts/publish/linux-x64[-aot]/edition, one
/// self-contained file with the default theme beside it), run where no .NET is installed. Skipped when that target has not run: it takes minutes and is
/// not part of ./build.sh or `dotnet test`; skipped too when the program was published from another commit.
/// </summary>
public sealed class PublishedProgramTests
{
    private static string ProgramIn(string folder) => Path.Combine(Repo.Root, "artifacts", "publish", folder, "edition");

    [SkippableTheory]
    [InlineData("linux-x64", "Publish")]
    [InlineData("linux-x64-aot", "PublishAot")]
    public void Given_the_published_program_and_no_dotnet_When_it_builds_the_seed_from_another_folder_Then_the_site_equals_the_framework_dependent_build(string folder, string target)
    {
        var program = ProgramIn(folder);
        Skip.IfNot(File.Exists(program), $"{program} is missing: run `./build.sh --target={target}` first");
        // A program published from other sources than these tests' is skipped, not compared: its pages may rightly differ.
        var version = Run(Repo.Root, "env", "-i", "PATH=/usr/bin:/bin", program, "--version");
        var expected = EditionProcess.Run(Repo.Root, null, "--version");
        Assert.True(version.Exit == 0, version.Errors);
        Skip.If(version.Output != expected.Output, $"{program} is version {version.Output.Trim()}, these tests {expected.Output.Trim()}: run `./build.sh --target={target}` again");
        using var temp = new TempFolder();
        // A copy of the program in a folder of its own: the theme must be found beside the program, not in the repository.
        var copy = Path.Combine(temp.Path, "bin", "edition");
        CopyFolder(Path.GetDirectoryName(program)!, Path.GetDirectoryName(copy)!); // File.Copy keeps the execute bit
        var dotnetRoot = Path.GetDirectoryName(Path.GetFullPath(new FileInfo("/usr/bin/dotnet").ResolveLinkTarget(true)?.FullName ?? "/usr/share/dotnet/dotnet"))!;

        // An empty environment (no dotnet on PATH, no DOTNET_ROOT) and, where a mount namespace can be had, the installed .NET hidden under an empty tmpfs.
        var hide = "mount -t tmpfs tmpfs \"$1\" && shift && exec \"$@\"";
        var probe = Run(temp.Path, "unshare", "--mount", "--propagation", "private", "sh", "-c", hide, "sh", dotnetRoot, "test", "!", "-e", Path.Combine(dotnetRoot, "dotnet"));
        var prefix = probe.Exit == 0
            ? new[] { "unshare", "--mount", "--propagation", "private", "sh", "-c", hide, "sh", dotnetRoot, "env", "-i", "PATH=/usr/bin:/bin", "HOME=" + temp.Path }
            : new[] { "env", "-i", "PATH=/usr/bin:/bin", "HOME=" + temp.Path };

        var published = Run(Repo.Root, prefix[0], [.. prefix[1..], copy, "build", Repo.ContentFolder, "-o", Path.Combine(temp.Path, "published"), "--no-cache", "--no-search"]);
        var reference = EditionProcess.Run(Repo.Root, null, "build", Repo.ContentFolder, "-o", Path.Combine(temp.Path, "reference"), "--no-cache", "--no-search");

        Assert.True(published.Exit == 0, published.Errors);
        Assert.True(reference.Exit == 0, reference.Errors);
        Assert.Equal("", published.Errors);
        var site = Folders.Snapshot(Path.Combine(temp.Path, "published"));
        Assert.Contains("assets/edition.css", site.Keys);
        Assert.Equal(Folders.Snapshot(Path.Combine(temp.Path, "reference")), site);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static (int Exit, string Output, string Errors) Run(string folder, string program, params string[] args)
    {
        var start = new ProcessStartInfo(program, args) { WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true, StandardErrorEncoding = Encoding.UTF8 };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, errors.GetAwaiter().GetResult());
    }
}
