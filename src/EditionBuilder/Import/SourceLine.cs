namespace EditionBuilder.Import;

/// <summary>One line of the source without its line end, with its 1-based number.</summary>
public readonly record struct SourceLine(int Number, string Text)
{
    public bool IsBlank => Text.All(char.IsWhiteSpace);
}
