using System.Diagnostics;
using System.Runtime.InteropServices;

namespace EditionBuilder.Search;

/// <summary>The pinned Pagefind program (npm <c>pagefind</c> with its platform package, installed by <c>npm ci --prefix tools</c>): where it is and its version.</summary>
/// <remarks>The platform package ships a self-contained binary, which is run directly: Node is needed to install it, not to build.</remarks>
/// <param name="Program">The Pagefind binary.</param>
/// <param name="Version">Its version, as it reports it.</param>
public sealed record PagefindTool(string Program, string Version)
{
    /// <summary>The version the search page's script and the tests are written for (tools/package.json pins it).</summary>
    public const string PinnedVersion = "1.6.0";

    /// <summary>The environment variable that names a node_modules folder, a folder holding one, or the binary itself.</summary>
    public const string EnvironmentVariable = "EDITION_PAGEFIND";

    /// <summary>What a search for the program found: the tool, or why there is none.</summary>
    public sealed record Lookup(PagefindTool? Tool, string Problem);

    /// <summary>The Pagefind a build indexes with (<see cref="Find"/>), or null for a site without search: when it is missing, a warning on <paramref name="input"/> says once that search was skipped, or an error when <paramref name="required"/> (<c>--search</c>).</summary>
    public static PagefindTool? ForBuild(string? given, bool required, string input, string currentFolder, string programFolder, Diagnostics.DiagnosticBag diagnostics)
    {
        var lookup = Find(given, currentFolder, programFolder);
        if (lookup.Tool is not null) return lookup.Tool;
        if (required) diagnostics.Error(Diagnostics.DiagnosticCodes.SearchUnavailable, input, 0, 0, $"search was asked for (--search), but {lookup.Problem}");
        else diagnostics.Warning(Diagnostics.DiagnosticCodes.SearchSkipped, input, 0, 0, $"search skipped, the site has no search page: {lookup.Problem}");
        return null;
    }

    /// <summary>Looks for Pagefind: at <paramref name="given"/> (an option, else the environment variable) when set; otherwise in <c>tools/node_modules</c> of the current folder, of the program's folder, or of a folder above either (the repository when run from artifacts/bin).</summary>
    public static Lookup Find(string? given, string currentFolder, string programFolder)
    {
        given ??= Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
        var candidates = given is not null
            ? ProgramsAt(Path.GetFullPath(given, currentFolder)).ToList()
            : new[] { currentFolder, programFolder }.SelectMany(Ancestors).Distinct(StringComparer.Ordinal)
                .SelectMany(folder => ProgramsAt(Path.Combine(folder, "tools", "node_modules"))).ToList();
        var found = candidates.FirstOrDefault(File.Exists);
        if (found is null)
        {
            var where = given is not null ? $"at {given}" : "in tools/node_modules of this folder, the program's folder or a folder above them";
            return new Lookup(null, $"Pagefind {PinnedVersion} was not found {where}; install Node.js and run `npm ci --prefix tools` in the repository, or name its node_modules with --pagefind or {EnvironmentVariable}");
        }

        var version = VersionOf(found);
        if (version != PinnedVersion)
        {
            return new Lookup(null, $"{found} is Pagefind {version ?? "of an unknown version"}, not the pinned {PinnedVersion}; run `npm ci --prefix tools`");
        }

        return new Lookup(new PagefindTool(found, version), string.Empty);
    }

    private static IEnumerable<string> Ancestors(string folder)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(folder)); dir is not null; dir = dir.Parent) yield return dir.FullName;
    }

    // A node_modules folder, a folder holding node_modules (such as tools/), or the binary itself.
    private static IEnumerable<string> ProgramsAt(string path)
    {
        if (File.Exists(path))
        {
            yield return path;
            yield break;
        }

        foreach (var modules in new[] { path, Path.Combine(path, "node_modules") })
        {
            var bin = Path.Combine(modules, "@pagefind", Platform, "bin");
            yield return Path.Combine(bin, OperatingSystem.IsWindows() ? "pagefind_extended.exe" : "pagefind_extended");
            yield return Path.Combine(bin, OperatingSystem.IsWindows() ? "pagefind.exe" : "pagefind");
        }
    }

    // The npm platform package's name: linux-x64, darwin-arm64, windows-x64 and so on.
    private static string Platform
    {
        get
        {
            var os = OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "darwin" : OperatingSystem.IsFreeBSD() ? "freebsd" : "linux";
            var cpu = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "arm64" : "x64";
            return $"{os}-{cpu}";
        }
    }

    // "pagefind_extended 1.6.0" -> "1.6.0"; null when the program does not run.
    private static string? VersionOf(string program)
    {
        try
        {
            var start = new ProcessStartInfo(program, "--version") { WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(program)), RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(start);
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            if (!process.WaitForExit(10_000))
            {
                process.Kill();
                return null;
            }

            return process.ExitCode == 0 ? output.Trim().Split(' ').LastOrDefault() : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
