using System.Text.RegularExpressions;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Cli;

/// <summary>The command line parses, calls the library and prints: every command's <c>Run</c> stays at most 60 lines, read from the sources (the work itself belongs in the library, where tests call it).</summary>
public partial class CommandSizeTests
{
    private const int MostLines = 60;

    [GeneratedRegex(@"^    \S.*\bstatic\b.*\bRun\w*\(")]
    private static partial Regex RunMethod();

    [Fact]
    public void Given_every_command_When_its_Run_methods_are_counted_Then_none_exceeds_60_lines()
    {
        var folder = Path.Combine(Repo.Root, "src", "EditionBuilder.Cli", "Commands");
        var sizes = new List<(string Where, int Lines)>();
        foreach (var file in Directory.EnumerateFiles(folder, "*Command.cs"))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (!RunMethod().IsMatch(lines[i])) continue;
                var end = Array.FindIndex(lines, i, l => l == "    }");
                Assert.True(end >= i, $"{file}:{i + 1}: the end of Run was not found");
                sizes.Add(($"{Path.GetFileName(file)}:{i + 1}", end - i + 1));
            }
        }

        Assert.True(sizes.Count >= 8, "every command has a Run: " + string.Join(", ", sizes));
        var overLong = sizes.Where(s => s.Lines > MostLines).ToList();
        Assert.True(overLong.Count == 0, "Run over 60 lines (move the work into the library): " + string.Join(", ", overLong.Select(s => $"{s.Where} {s.Lines} lines")));
    }
}
