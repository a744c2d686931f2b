namespace EditionBuilder.Verify;

/// <summary>Where a link was written by the author: a Markdown file, its 1-based line and column.</summary>
public readonly record struct SourcePlace(string Path, int Line, int Column);
