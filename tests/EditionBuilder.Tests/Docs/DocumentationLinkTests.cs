using System.Text.RegularExpressions;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Docs;

/// <summary>The README and docs/ stay short enough to read and every link between them leads somewhere, so moving a section cannot leave a dead link.</summary>
public partial class DocumentationLinkTests
{
    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        data.Add("README.md");
        foreach (var file in Directory.GetFiles(Path.Combine(Repo.Root, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Repo.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Given_a_document_When_its_relative_links_are_followed_Then_each_file_and_heading_exists(string document)
    {
        var path = Path.Combine(Repo.Root, document);
        var text = CodeSpan().Replace(Fence().Replace(File.ReadAllText(path), string.Empty), string.Empty);
        var broken = new List<string>();
        foreach (Match link in MarkdownLink().Matches(text))
        {
            var target = link.Groups["target"].Value;
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal)) continue;
            var hash = target.IndexOf('#');
            var file = hash < 0 ? target : target[..hash];
            var fragment = hash < 0 ? null : target[(hash + 1)..];
            var resolved = file.Length == 0 ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, file));
            if (!File.Exists(resolved) && !Directory.Exists(resolved))
            {
                broken.Add($"{target}: no such file");
                continue;
            }

            if (fragment is not null && resolved.EndsWith(".md", StringComparison.Ordinal) && !Anchors(File.ReadAllText(resolved)).Contains(fragment))
            {
                broken.Add($"{target}: no heading with that anchor");
            }
        }

        Assert.True(broken.Count == 0, $"{document}: " + string.Join("; ", broken));
    }

    [Fact]
    public void Given_the_README_When_counted_Then_it_is_at_most_400_lines()
    {
        var lines = File.ReadAllLines(Path.Combine(Repo.Root, "README.md")).Length;

        Assert.True(lines <= 400, $"README.md has {lines} lines; move internals to docs/ (issue 31)");
    }

    [Fact]
    public void Given_the_performance_document_When_counted_Then_it_holds_current_figures_in_at_most_300_lines()
    {
        var lines = File.ReadAllLines(Path.Combine(Repo.Root, "docs", "performance.md")).Length;

        Assert.True(lines <= 300, $"docs/performance.md has {lines} lines; its history belongs in git log");
    }

    [Fact]
    public void Given_the_README_When_read_Then_its_first_lines_are_the_two_commands()
    {
        var first = File.ReadAllLines(Path.Combine(Repo.Root, "README.md")).Take(6).ToList();

        Assert.Contains(first, l => l.StartsWith("./build.sh ", StringComparison.Ordinal));
        Assert.Contains(first, l => l.StartsWith("dotnet test ", StringComparison.Ordinal));
    }

    // GitHub's heading anchors: lower case, punctuation other than '-' and '_' dropped, spaces as '-'.
    private static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var inFence = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.StartsWith("```", StringComparison.Ordinal)) inFence = !inFence;
            if (inFence || !line.StartsWith('#')) continue;
            var title = line.TrimStart('#').Trim().ToLowerInvariant();
            var chars = title.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_').Select(c => c == ' ' ? '-' : c);
            anchors.Add(new string(chars.ToArray()));
        }

        return anchors;
    }

    // An inline Markdown link's target: [text](target); code is taken out first, since examples there are not links.
    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"``[^\n]*?``|`[^`\n]*`")]
    private static partial Regex CodeSpan();
}
