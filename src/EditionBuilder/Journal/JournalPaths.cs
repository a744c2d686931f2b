using EditionBuilder.Diagnostics;
using EditionBuilder.Writers;

namespace EditionBuilder.Journal;

/// <summary>Guards the folders the journal writers add to the site root (issues/, en/, fr/) against an article folder of the same name, whose pages they would overwrite.</summary>
public static class JournalPaths
{
    /// <summary>True, with an error at the article's article.yml, when an article's folder is named <paramref name="folder"/>.</summary>
    public static bool Taken(EditionWriterInput input, string folder, DiagnosticBag diagnostics)
    {
        var article = input.Content.Articles.FirstOrDefault(a => string.Equals(a.Slug, folder, StringComparison.OrdinalIgnoreCase));
        if (article is null) return false;
        diagnostics.Error(DiagnosticCodes.JournalPathTaken, article.MetadataPath, 0, 0,
            $"this article's folder is named '{article.Slug}', which the journal's own pages use ({folder}/); rename the folder");
        return true;
    }
}
