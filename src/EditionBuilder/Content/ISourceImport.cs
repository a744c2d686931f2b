using EditionBuilder.Diagnostics;

namespace EditionBuilder.Content;

/// <summary>What imports an article folder that holds only its source (<c>source/&lt;name&gt;.docx</c> or <c>.txt</c>) while a content folder is read: the import stage's, handed to <see cref="ContentReader"/> so reading never imports itself.</summary>
public interface ISourceImport
{
    /// <summary>Whether a file of an article's <c>source/</c> folder is a source this import reads.</summary>
    bool IsSource(string path);

    /// <summary>The article of a source, its chapters, abstracts and references as the Markdown an import writes, kept in memory; what the source says fills what <paramref name="metadata"/> (article.yml's) leaves empty. Null when the source does not import (the errors are in <paramref name="diagnostics"/>).</summary>
    ArticleContent? Import(string slug, string metadataPath, ArticleMetadata metadata, string source, System.Text.Encoding? encoding, DiagnosticBag diagnostics);
}
