using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Pipeline;
using EditionBuilder.Site;
using EditionBuilder.Themes;

namespace EditionBuilder.Tests.Support;

/// <summary>The one pipeline in memory, as tests use it.</summary>
/// <remarks>Without the PDF writer, whose output depends on whether the Typst compiler is installed (its link would change golden pages) and which takes seconds an article; tests/Pdf builds with it.</remarks>
public static class Sites
{
    /// <summary>The site with its pages as the templates wrote them (neither minified nor compressed), verified; null on errors.</summary>
    public static IReadOnlyList<SiteFile>? Render(Theme templates, EditionContent content, DiagnosticBag diagnostics) =>
        SiteBuild.InMemory(content, templates, BuildOptions.AsRendered.Without("pdf"), diagnostics);

    /// <summary>The site minified and verified, without compressed copies; null on errors.</summary>
    public static IReadOnlyList<SiteFile>? Build(Theme templates, EditionContent content, DiagnosticBag diagnostics) =>
        SiteBuild.InMemory(content, templates, BuildOptions.Uncompressed.Without("pdf"), diagnostics);
}
