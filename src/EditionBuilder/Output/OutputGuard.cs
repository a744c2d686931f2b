using EditionBuilder.Files;
namespace EditionBuilder.Output;

/// <summary>What a command writes to the folder it is given: <c>build -o</c> a site, <c>package -o</c> a package, <c>deploy</c> a target, <c>import -o</c> an article folder.</summary>
public enum OutputKind
{
    Site,
    Package,
    Deploy,
    Import,
}

/// <summary>A path an output must keep clear of, with the words that name it in a refusal ("the content folder").</summary>
public sealed record ProtectedPath(string Path, string Name);

/// <summary>An output the tool refuses to write: the message is one line saying why (the CLI exits 2 with it).</summary>
public sealed class OutputRefusedException(string message) : Exception(message);

/// <summary>The one policy every writing command follows before it touches its output: never over an input, the current folder, a repository, a symbolic link, or a folder this tool did not write.</summary>
/// <remarks>
/// An output is refused when it is, contains or lies inside an input (the content, the theme, the site being packaged or deployed,
/// the build cache); when it is or contains the current folder, the repository root (the folder holding .git) or the home folder;
/// when it is a symbolic link (a deploy target's own link only for <c>deploy</c>); when it lies inside another output of this tool;
/// and when it is a non-empty folder without this tool's marker for that kind of output. <c>--force</c> lifts only the last rule.
/// Paths are compared after every symbolic link in them is resolved, so a link cannot smuggle an input in.
/// </remarks>
public static class OutputGuard
{
    /// <summary>The marker a build writes into every site it makes, last, so a complete site this tool made is recognised.</summary>
    public const string SiteMarker = ".edition-site";

    /// <summary>The marker <c>edition package</c> writes into its output folder.</summary>
    public const string PackageMarker = ".edition-package";

    /// <summary>The state file of a deploy target's releases folder (which release is live, which previous); also its marker.</summary>
    public const string DeployMarker = ".edition-deploy";

    /// <summary>The marker file of an output kind; null for <see cref="OutputKind.Import"/> (an article folder is known by its article.yml).</summary>
    public static string? MarkerFile(OutputKind kind) => kind switch
    {
        OutputKind.Site => SiteMarker,
        OutputKind.Package => PackageMarker,
        _ => null,
    };

    /// <summary>The marker's bytes: fixed text, so the same build gives the same folder.</summary>
    public static byte[] MarkerText(OutputKind kind) => System.Text.Encoding.UTF8.GetBytes(kind switch
    {
        OutputKind.Site => "This folder is a site written by EditionBuilder (edition build).\nThe next build into it replaces the whole folder: keep nothing else here.\n",
        OutputKind.Package => "This folder holds packages written by EditionBuilder (edition package).\nThe next package into it replaces the whole folder: keep nothing else here.\n",
        _ => string.Empty,
    });

    /// <summary>Throws <see cref="OutputRefusedException"/> with one line saying why, when the output may not be written.</summary>
    public static void Ensure(OutputKind kind, string output, IEnumerable<ProtectedPath> inputs, bool force)
    {
        if (Refusal(kind, output, inputs, force) is { } why) throw new OutputRefusedException(why);
    }

    /// <summary>Why the output may not be written (one line), or null when it may.</summary>
    public static string? Refusal(OutputKind kind, string output, IEnumerable<ProtectedPath> inputs, bool force)
    {
        var why = Reason(kind, output, inputs, force);
        return why is null ? null : $"refusing to {Action(kind)} {output}: {why}";
    }

    private static string? Reason(OutputKind kind, string output, IEnumerable<ProtectedPath> given, bool force)
    {
        var inputs = given.ToList();
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(output));
        var parent = Path.GetDirectoryName(full);
        if (parent is null) return "it is the root of the file system";

        var what = NativeFiles.Kind(full);
        if (what == FileType.SymbolicLink)
        {
            var target = new FileInfo(full).LinkTarget ?? "?";
            var deployLink = SiteDeployer.IsDeployLink(full);
            if (!deployLink) return $"it is a symbolic link to {target}; give the real folder (a link is never written through)";
            if (kind != OutputKind.Deploy) return $"it is a deploy target (a symbolic link to the live release {target}); publish to it with 'edition deploy <site-dir> {output}'";
        }
        else if (what is not (FileType.Missing or FileType.Directory))
        {
            return $"it is {FileTypeText.Describe(what)}, not a folder";
        }

        if (kind == OutputKind.Deploy && NativeFiles.Kind(SiteDeployer.ReleasesFolder(full)) == FileType.SymbolicLink)
        {
            return $"its releases folder {Path.GetFileName(SiteDeployer.ReleasesFolder(full))} is a symbolic link; releases are kept in a real folder beside the target";
        }

        // Compared as real paths: the folder the output will be made in, resolved, plus its own name.
        var real = Path.Combine(NativeFiles.RealPath(parent), Path.GetFileName(full));
        var current = NativeFiles.RealPath(Directory.GetCurrentDirectory());
        if (Same(real, current)) return "it is the current folder";
        if (Inside(current, real)) return "it contains the current folder";

        foreach (var repository in RepositoryRoots([current, .. inputs.Select(i => NativeFiles.RealPath(i.Path))], real))
        {
            if (Same(real, repository)) return "it is the root of a repository (it holds .git)";
            if (Inside(repository, real)) return $"it contains the repository {repository}";
        }

        if (Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home)
        {
            var realHome = NativeFiles.RealPath(home);
            if (Same(real, realHome)) return "it is the home folder";
            if (Inside(realHome, real)) return "it contains the home folder";
        }

        foreach (var input in inputs)
        {
            var protectedPath = NativeFiles.RealPath(input.Path);
            if (Same(real, protectedPath)) return $"it is {input.Name} ({input.Path})";
            if (Inside(protectedPath, real)) return $"it contains {input.Name} ({input.Path})";
            if (Inside(real, protectedPath)) return $"it lies inside {input.Name} ({input.Path})";
        }

        for (var ancestor = Path.GetDirectoryName(real); ancestor is not null; ancestor = Path.GetDirectoryName(ancestor))
        {
            if (File.Exists(Path.Combine(ancestor, SiteMarker))) return $"it lies inside the site {ancestor}, which the next build there replaces";
            if (File.Exists(Path.Combine(ancestor, PackageMarker))) return $"it lies inside the package folder {ancestor}, which the next package there replaces";
            if (File.Exists(Path.Combine(ancestor, DeployMarker))) return $"it lies inside {ancestor}, the releases of a deploy target";
        }

        if (what != FileType.Directory || kind == OutputKind.Deploy) return null; // a deploy keeps a plain folder as a release
        return FolderReason(kind, full, force);
    }

    // An existing folder: this tool's own output of the same kind, empty, or (with --force) anything but another tool output.
    private static string? FolderReason(OutputKind kind, string full, bool force)
    {
        var marker = MarkerFile(kind);
        if (marker is not null && NativeFiles.Kind(Path.Combine(full, marker)) == FileType.Regular) return null;
        foreach (var (other, words) in new[] { (SiteMarker, "a site written by edition build"), (PackageMarker, "packages written by edition package"), (DeployMarker, "the releases of a deploy target") })
        {
            if (other != marker && File.Exists(Path.Combine(full, other))) return $"it holds {words}; choose another folder";
        }

        if (!Directory.EnumerateFileSystemEntries(full).Any()) return null;
        if (kind == OutputKind.Import && File.Exists(Path.Combine(full, "article.yml"))) return null;
        if (force) return null;
        var mark = marker is null ? "no article.yml in it" : $"no {marker} in it";
        return $"it is a folder that is not empty and was not written by edition {Command(kind)} ({mark}); empty it, choose another folder, or pass --force to replace it";
    }

    // The repositories around the current folder and the inputs, and the output itself when it holds .git.
    private static IEnumerable<string> RepositoryRoots(IEnumerable<string> starts, string output)
    {
        foreach (var start in starts)
        {
            for (var folder = start; folder is not null; folder = Path.GetDirectoryName(folder))
            {
                if (Path.Exists(Path.Combine(folder, ".git")))
                {
                    yield return folder;
                    break;
                }
            }
        }

        if (Path.Exists(Path.Combine(output, ".git"))) yield return output;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.Ordinal);

    // Whether path lies strictly inside folder.
    private static bool Inside(string path, string folder) =>
        path.Length > folder.Length && path.StartsWith(folder, StringComparison.Ordinal)
        && (path[folder.Length] == Path.DirectorySeparatorChar || folder.EndsWith(Path.DirectorySeparatorChar));

    private static string Action(OutputKind kind) => kind switch
    {
        OutputKind.Site => "build into",
        OutputKind.Package => "package into",
        OutputKind.Deploy => "deploy to",
        _ => "import into",
    };

    private static string Command(OutputKind kind) => kind switch
    {
        OutputKind.Site => "build",
        OutputKind.Package => "package",
        OutputKind.Deploy => "deploy",
        _ => "import",
    };
}
