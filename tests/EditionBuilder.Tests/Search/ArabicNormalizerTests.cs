using System.Text.Json;
using EditionBuilder.Search;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Search;

/// <summary>The index side of the Arabic normalization; the browser tests run the same table (normalization-cases.json) through the search page's script.</summary>
public class ArabicNormalizerTests
{
    public sealed record Case(string Input, string Expected, string Name);

    /// <summary>The table both sides share.</summary>
    public static IReadOnlyList<Case> Cases() =>
        JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(Path.Combine(Repo.TestsFolder, "Search", "normalization-cases.json")))
            .EnumerateArray()
            .Select(c => new Case(c.GetProperty("input").GetString()!, c.GetProperty("expected").GetString()!, c.GetProperty("case").GetString()!))
            .ToList();

    public static TheoryData<string, string, string> Table()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var c in Cases()) data.Add(c.Name, c.Input, c.Expected);
        return data;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Given_a_word_as_a_reader_or_an_author_writes_it_When_normalized_Then_it_reads_as_the_table_says(string name, string input, string expected)
    {
        Assert.True(expected == ArabicNormalizer.Normalize(input), $"{name}: '{input}' -> '{ArabicNormalizer.Normalize(input)}', expected '{expected}'");
    }

    [Fact]
    public void Given_the_seed_text_When_normalized_twice_Then_the_second_pass_changes_nothing_and_latin_text_is_untouched()
    {
        var text = File.ReadAllText(Repo.SeedPath);
        var once = ArabicNormalizer.Normalize(text);

        Assert.Equal(once, ArabicNormalizer.Normalize(once));
        Assert.NotEqual(text, once);
        Assert.Same("Putin's lesson for Obama in Syria", ArabicNormalizer.Normalize("Putin's lesson for Obama in Syria"));
    }
}
