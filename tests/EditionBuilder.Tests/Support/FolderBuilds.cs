using EditionBuilder.Diagnostics;
using EditionBuilder.Pipeline;
using EditionBuilder.Search;

namespace EditionBuilder.Tests.Support;

/// <summary>Runs <c>edition build</c>'s library step (<see cref="FolderBuild"/>) on explicit paths, as the command would with the same options, so a test reads the typed report and the diagnostics instead of the printed text, and needs no current-folder lock.</summary>
public static class FolderBuilds
{
    /// <summary>A build's report and every diagnostic it gave.</summary>
    public sealed record Built(FolderBuildReport Report, DiagnosticBag Diagnostics)
    {
        public bool Succeeded => Report.Succeeded;

        public BuildReport Build => Report.Build;

        /// <summary>The errors with this code, in the order they were reported.</summary>
        public IReadOnlyList<Diagnostic> Errors(string code) => Diagnostics.Items.Where(d => d.Severity == Severity.Error && d.Code == code).ToList();

        /// <summary>The diagnostics as the command prints them, for a failure message.</summary>
        public string Said => string.Join('\n', Diagnostics.Items);
    }

    /// <summary>Builds <paramref name="content"/> into <paramref name="site"/>: by default as <c>edition build</c> does (compressed at the fast level, search with the edition's own index), without a cache unless one is named.</summary>
    public static Built Run(string content, string site, string? theme = null, string? cache = null, BuildOptions? options = null, bool force = false,
        System.Text.Encoding? encoding = null, Func<DiagnosticBag, SiteSearch?>? search = null)
    {
        var diagnostics = new DiagnosticBag();
        var report = FolderBuild.Run(
            new FolderBuildRequest(content, site, options ?? BuildOptions.Published, theme, cache, force, encoding, search ?? EditionSearch),
            diagnostics);
        return new Built(report, diagnostics);
    }

    /// <summary>No search: <c>--no-search</c>.</summary>
    public static SiteSearch? NoSearch(DiagnosticBag diagnostics) => null;

    /// <summary>The command's default search: the edition's own index.</summary>
    public static SiteSearch? EditionSearch(DiagnosticBag diagnostics) => SiteSearch.Edition;

    /// <summary>Pagefind's search as <c>--search-engine pagefind</c> finds it (<c>--search</c> when <paramref name="required"/>; <c>--pagefind</c> when <paramref name="given"/>), looked for from the content folder's parent, the folder a user builds from.</summary>
    public static Func<DiagnosticBag, SiteSearch?> Search(string content, string? given = null, bool required = false) =>
        diagnostics => PagefindTool.ForBuild(given, required, content, Path.GetDirectoryName(Path.GetFullPath(content))!, AppContext.BaseDirectory, diagnostics);
}
