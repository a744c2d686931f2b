namespace EditionBuilder.Model;

/// <summary>A note under its original number; it keeps the line breaks of the source.</summary>
public sealed record Note(int Number, IReadOnlyList<string> Lines, int SourceLine = 0)
{
    public bool Equals(Note? other) => other is not null && Number == other.Number && Lines.SequenceEqual(other.Lines);

    public override int GetHashCode() => Number;
}
