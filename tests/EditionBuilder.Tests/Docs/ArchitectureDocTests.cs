using System.Reflection;
using System.Text.RegularExpressions;
using EditionBuilder.Pipeline;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Docs;

/// <summary>docs/architecture.md tells the truth: every type and folder it names in backticks exists, every folder of the library is placed in it, and no comment in the code points to a file that is not in the repository.</summary>
public partial class ArchitectureDocTests
{
    private static readonly string Library = Path.Combine(Repo.Root, "src", "EditionBuilder");

    // Folders a backticked folder name may be relative to: the repository, the library, the CLI, the default theme.
    private static readonly string[] FolderRoots =
        [Repo.Root, Library, Path.Combine(Repo.Root, "src", "EditionBuilder.Cli"), Path.Combine(Repo.Root, "templates")];

    private static readonly Type[] Types =
        [.. typeof(SiteBuild).Assembly.GetTypes(), .. typeof(EditionBuilder.Cli.EditionProgram).Assembly.GetTypes(), .. typeof(ArchitectureDocTests).Assembly.GetTypes()];

    private static string Document() => File.ReadAllText(Path.Combine(Repo.Root, "docs", "architecture.md"));

    /// <summary>The backticked spans of a Markdown text outside fenced code.</summary>
    private static List<string> CodeSpans(string markdown) =>
        CodeSpan().Matches(Fence().Replace(markdown, string.Empty)).Select(m => m.Groups["code"].Value).Distinct().ToList();

    [Fact]
    public void Given_the_architecture_document_When_its_type_names_are_looked_up_Then_each_is_a_type_of_the_program()
    {
        var missing = CodeSpans(Document()).Where(s => TypeName().IsMatch(s) || FolderAndType().IsMatch(s)).Where(s => !Names(s)).ToList();

        Assert.True(missing.Count == 0, "docs/architecture.md names what the program does not have: " + string.Join(", ", missing));
    }

    [Fact]
    public void Given_the_architecture_document_When_its_folders_are_looked_up_Then_each_exists()
    {
        var missing = CodeSpans(Document()).Where(s => FolderPath().IsMatch(s)).Where(s => !FolderRoots.Any(r => Directory.Exists(Path.Combine(r, s)))).ToList();

        Assert.True(missing.Count == 0, "docs/architecture.md names folders that do not exist: " + string.Join(", ", missing));
    }

    [Fact]
    public void Given_the_library_When_its_folders_are_listed_Then_the_architecture_document_places_every_one()
    {
        var named = CodeSpans(Document()).ToHashSet(StringComparer.Ordinal);
        var folders = Directory.GetDirectories(Library, "*", SearchOption.AllDirectories)
            .Select(d => Path.GetRelativePath(Library, d).Replace(Path.DirectorySeparatorChar, '/') + "/")
            .Where(d => !d.StartsWith("bin/", StringComparison.Ordinal) && !d.StartsWith("obj/", StringComparison.Ordinal))
            .Where(d => Directory.EnumerateFiles(Path.Combine(Library, d), "*.cs").Any());

        var unplaced = folders.Where(f => !named.Contains(f)).Order(StringComparer.Ordinal).ToList();

        Assert.True(unplaced.Count == 0, "docs/architecture.md does not place these folders of the library: " + string.Join(", ", unplaced));
    }

    [Fact]
    public void Given_the_architecture_document_When_read_Then_it_names_where_readers_and_writers_plug_in()
    {
        var spans = CodeSpans(Document());

        Assert.Contains("IArticleWriter", spans);
        Assert.Contains("IEditionWriter", spans);
        Assert.Contains("SourceReader", spans);
    }

    [Theory]
    [InlineData("src")]
    [InlineData("templates")]
    [InlineData("build")]
    [InlineData("benchmarks")]
    [InlineData("tests")]
    public void Given_the_code_When_its_comments_name_a_document_Then_the_document_is_in_the_repository(string folder)
    {
        var extensions = new[] { ".cs", ".js", ".css", ".html", ".cake", ".sh", ".py" };
        var dangling = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Root, folder), "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Repo.Root, file);
            if (!extensions.Contains(Path.GetExtension(file)) || relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal)) continue;
            foreach (Match m in DocumentMention().Matches(File.ReadAllText(file)))
            {
                var named = m.Groups["doc"].Value;
                if (!File.Exists(Path.Combine(Repo.Root, named))) dangling.Add($"{relative}: {named}");
            }
        }

        Assert.True(dangling.Count == 0, "comments point to documents the repository does not hold: " + string.Join("; ", dangling.Distinct()));
    }

    // `Type`, `Namespace.Type`, `Type.Member` or `Folder/Type` (the folder being the type's namespace under the library's).
    private static bool Names(string span)
    {
        if (FolderAndType().Match(span) is { Success: true } folderAndType)
        {
            var ns = "EditionBuilder." + folderAndType.Groups["folder"].Value.TrimEnd('/').Replace('/', '.');
            return Types.Any(t => t.Name == folderAndType.Groups["type"].Value && t.Namespace == ns);
        }

        var parts = span.Split('.');
        if (parts.Length == 1) return Types.Any(t => t.Name == span);
        return Types.Any(t => t.Name == parts[1] && (t.Namespace ?? string.Empty).EndsWith("." + parts[0], StringComparison.Ordinal))
            || Types.Any(t => t.Name == parts[0] && t.GetMember(parts[1], BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static).Length > 0);
    }

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();

    // A double-backtick span first, since it may hold a backtick.
    [GeneratedRegex(@"``(?<code>[^\n]+?)``|`(?<code>[^`\n]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]*(\.[A-Z][A-Za-z0-9]*)?$")]
    private static partial Regex TypeName();

    [GeneratedRegex(@"^(?<folder>([A-Z][A-Za-z0-9]*/)+)(?<type>[A-Z][A-Za-z0-9]*)$")]
    private static partial Regex FolderAndType();

    [GeneratedRegex(@"^([A-Za-z0-9][A-Za-z0-9._-]*/)+$")]
    private static partial Regex FolderPath();

    // A document named with its folder (docs/ and a lower-case name) or a top-level one in capitals, such as the README.
    [GeneratedRegex(@"(?<![\w/.-])(?<doc>docs/[a-z0-9-]+\.md|[A-Z][A-Z0-9_-]+\.md)\b")]
    private static partial Regex DocumentMention();
}
