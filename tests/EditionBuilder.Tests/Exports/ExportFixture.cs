using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Exports;
using EditionBuilder.Parse;
using EditionBuilder.Tests.Journal;
using Xunit;

namespace EditionBuilder.Tests.Exports;

/// <summary>The journal fixture read and parsed as <c>edition export</c> reads it.</summary>
public static class ExportFixture
{
    /// <summary>The export's input from the journal's content folder as it is now; fails the test on errors.</summary>
    public static ExportInput Input(JournalFixture journal)
    {
        var diagnostics = new DiagnosticBag();
        var content = journal.Read(diagnostics)!;
        var parser = new ArticleParser();
        var articles = content.Articles.Select(a => parser.Parse(a, diagnostics)!).ToList();
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.Items));
        return new ExportInput(content.Edition, Path.Combine(journal.ContentPath, "edition.yml"), articles);
    }
}
