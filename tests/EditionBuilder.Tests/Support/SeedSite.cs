using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Pipeline;
using EditionBuilder.Site;
using EditionBuilder.Themes;
using Xunit;

namespace EditionBuilder.Tests.Support;

/// <summary>The default edition built once per test run, before and after minification.</summary>
public sealed class SeedSite
{
    private static readonly Lazy<SeedSite> Instance = new(() => new SeedSite());

    private SeedSite()
    {
        var diagnostics = new DiagnosticBag();
        Content = ContentFolder.Read(Repo.ContentFolder, diagnostics)!;
        Templates = Theme.Load(Repo.Templates, diagnostics)!;
        Rendered = Sites.Render(Templates, Content, diagnostics)!;
        Files = SiteBuild.InMemory(Content, Templates, BuildOptions.Published.Without("pdf"), diagnostics)!; // as Rendered is (see Sites)
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.Items));
    }

    public static SeedSite Get() => Instance.Value;

    public EditionContent Content { get; }

    public Theme Templates { get; }

    /// <summary>The pages as the templates wrote them, before minification.</summary>
    public IReadOnlyList<SiteFile> Rendered { get; }

    /// <summary>The finished, minified and verified site.</summary>
    public IReadOnlyList<SiteFile> Files { get; }

    public SiteFile File(string path) => Files.Single(f => f.Path == path);
}
