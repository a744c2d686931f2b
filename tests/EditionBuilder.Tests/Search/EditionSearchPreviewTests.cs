using System.Text;
using EditionBuilder.Diagnostics;
using EditionBuilder.Pipeline;
using EditionBuilder.Search;
using EditionBuilder.Tests.Support;
using EditionBuilder.Themes;
using Xunit;

namespace EditionBuilder.Tests.Search;

/// <summary>The live preview with the edition's own index: the index comes with the pages in the rebuild, an edit makes only the edited article's records again, and the index served is the one a fresh preview of the same files serves.</summary>
public sealed class EditionSearchPreviewTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string Content => Path.Combine(_temp.Path, "content");

    public EditionSearchPreviewTests()
    {
        SmallEdition.WriteTo(Content);
        foreach (var name in new[] { "second", "third" }) Folders.Copy(Path.Combine(Content, "small"), Path.Combine(Content, name));
    }

    public void Dispose() => _temp.Dispose();

    private PreviewSession Session() => new(Content, diagnostics => Theme.Load(Repo.Templates, diagnostics), SiteSearch.Edition);

    private static BuildReport Rebuild(PreviewSession session)
    {
        var diagnostics = new DiagnosticBag();
        var report = session.Rebuild(diagnostics);
        Assert.True(report.Succeeded, string.Join('\n', diagnostics.Items));
        return report.Build!;
    }

    private static Dictionary<string, byte[]> Index(PreviewSession session) =>
        session.Files.Where(f => f.Key.StartsWith(EditionIndexWriter.Folder, StringComparison.Ordinal)).ToDictionary(StringComparer.Ordinal);

    [Fact]
    public void Given_the_edition_engine_When_a_chapter_is_edited_in_the_preview_Then_its_records_alone_are_made_and_the_new_word_is_served_as_a_fresh_preview_serves_it()
    {
        var session = Session();
        var first = Rebuild(session);
        Assert.Equal((3, 3), (first.Indexed!.Shards, first.Indexed.ShardsIndexed));
        Assert.True(session.Indexed.IsCompleted);
        Assert.Contains("search/index.js", session.Files.Keys);

        Assert.True(Rebuild(session).Indexed!.Reused);

        var chapter = Path.Combine(Content, "second", "ar", "02-alkhatma.md");
        File.WriteAllText(chapter, File.ReadAllText(chapter).Replace("خاتمة[^2].", "خاتمة عن المفاعلاتالجديدة[^2].", StringComparison.Ordinal));
        var edited = Rebuild(session);

        Assert.Equal((3, 1), (edited.Indexed!.Shards, edited.Indexed.ShardsIndexed));
        var index = Index(session);
        Assert.Contains(index.Where(f => f.Key.StartsWith("search/c/", StringComparison.Ordinal)), f => Encoding.UTF8.GetString(f.Value).Contains($"\"{SearchTokens.Terms("المفاعلاتالجديدة")[0]}\":", StringComparison.Ordinal));
        var fresh = Session();
        Rebuild(fresh);
        Assert.Equal(Index(fresh).OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, Convert.ToHexString(f.Value))), index.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, Convert.ToHexString(f.Value))));
    }
}
