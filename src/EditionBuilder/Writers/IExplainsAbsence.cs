using EditionBuilder.Content;

namespace EditionBuilder.Writers;

/// <summary>An edition writer that can say why it wrote nothing for an edition (the feed without a base URL), for its stage line: the build's one word about a file the user may have expected.</summary>
public interface IExplainsAbsence
{
    /// <summary>Why the writer has nothing to write for this edition, in the user's words; null when it is not something to explain.</summary>
    string? WhyNothing(EditionContent content);
}
