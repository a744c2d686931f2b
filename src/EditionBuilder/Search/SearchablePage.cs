namespace EditionBuilder.Search;

/// <summary>A finished page whose theme marks text to search: its path in the site and its HTML.</summary>
public sealed record SearchablePage(string Path, string Html);
