using EditionBuilder.Diagnostics;
using EditionBuilder.Pipeline;
using EditionBuilder.Tests.Support;
using Xunit;
using EditionBuilder.Writers;

namespace EditionBuilder.Tests.Writers;

/// <summary>Outputs as writers behind one interface: each registered once, with its option and its link text, and left out by name.</summary>
public class WriterRegistryTests
{
    [Fact]
    public void Given_the_registry_Then_every_writer_has_a_distinct_option_name_and_its_download_string_in_every_language_of_the_default_theme()
    {
        var theme = SeedSite.Get().Templates;
        var names = WriterRegistry.Default.Options.Select(o => o.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, name => Assert.Matches("^[a-z][a-z0-9-]*$", name));
        foreach (var writer in WriterRegistry.Default.ArticleWriters.Where(w => w.Optional))
        {
            foreach (var lang in EditionBuilder.Themes.ThemeStrings.Languages) Assert.True(theme.Strings.Has(lang, writer.Name + "_download"), $"{lang}: {writer.Name}_download");
        }
    }

    [Fact]
    public void Given_writers_left_out_When_built_Then_the_report_counts_only_the_others_and_the_landing_page_offers_only_theirs()
    {
        var all = Build(BuildOptions.Uncompressed);
        var withoutJats = Build(BuildOptions.Uncompressed.Without("jats"));

        Assert.Equal(1, all.Report.WrittenBy("epub"));
        Assert.Equal(1, all.Report.WrittenBy("jats"));
        Assert.Contains(all.Files, f => f.Path == "small/small.xml");
        Assert.Contains("small.xml", all.Landing, StringComparison.Ordinal);

        Assert.Equal(1, withoutJats.Report.WrittenBy("epub"));
        Assert.Equal(0, withoutJats.Report.WrittenBy("jats"));
        Assert.DoesNotContain(withoutJats.Files, f => f.Path.EndsWith(".xml", StringComparison.Ordinal) && f.Path.StartsWith("small/", StringComparison.Ordinal));
        Assert.DoesNotContain("application/xml", withoutJats.Landing, StringComparison.Ordinal);
        Assert.Contains("small.epub", withoutJats.Landing, StringComparison.Ordinal);
    }

    private static (BuildReport Report, IReadOnlyList<EditionBuilder.Site.SiteFile> Files, string Landing) Build(BuildOptions options)
    {
        var diagnostics = new DiagnosticBag();
        var sink = new EditionBuilder.Output.MemorySink();
        var report = new SiteBuild(SeedSite.Get().Templates, options).Run(SmallEdition.Content(), sink, diagnostics);
        Assert.True(report.Succeeded, string.Join("\n", diagnostics.Items));
        return (report, sink.Files, sink.Files.Single(f => f.Path == "small/index.html").AsText());
    }
}
