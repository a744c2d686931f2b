using EditionBuilder.Diagnostics;

namespace EditionBuilder.Writers;

/// <summary>The warning a dated listing (the feed, the OAI-PMH repository) gives for each article it leaves out because article.yml gives no date.</summary>
public static class UndatedArticles
{
    public static void Warn(IEnumerable<JournalEntry> entries, string file, DiagnosticBag diagnostics)
    {
        foreach (var entry in entries.Where(e => e.Date is null))
        {
            diagnostics.Warning(DiagnosticCodes.JournalArticleUndated, entry.Content.MetadataPath, 0, 0,
                $"this article has no date, so {file} leaves it out (its entries are dated); add date: YYYY-MM-DD to article.yml");
        }
    }
}
