using EditionBuilder.Diagnostics;
using EditionBuilder.Output;
using EditionBuilder.Tests.Support;
using EditionBuilder.Verify;
using Xunit;

namespace EditionBuilder.Tests.Verify;

/// <summary><c>edition verify</c>'s library calls on a built site folder (<see cref="SiteFolderReader"/> then <see cref="SiteVerifier"/>): each broken link is an error at the line and column of its tag in the file.</summary>
public class SiteFolderVerifyTests
{
    [Fact]
    public void Given_a_site_with_a_page_gone_When_verified_Then_each_broken_link_is_at_the_line_and_column_of_its_tag_in_the_file()
    {
        using var temp = new TempFolder();
        var site = Path.Combine(temp.Path, "site");
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));
        Assert.True(FolderBuilds.Run(Path.Combine(temp.Path, "content"), site).Succeeded);
        File.Delete(Path.Combine(site, "small", "02-alkhatma.html"));
        var diagnostics = new DiagnosticBag();

        SiteVerifier.Verify(SiteFolderReader.Read(site, diagnostics), diagnostics, site);

        var errors = diagnostics.Items.Where(d => d.Severity == Severity.Error).ToList();
        Assert.NotEmpty(errors);
        foreach (var error in errors)
        {
            Assert.Equal(DiagnosticCodes.BrokenLink, error.Code);
            var match = System.Text.RegularExpressions.Regex.Match(error.Message, @"^the link '([^']+)' leads to no file of the site$");
            Assert.True(match.Success, error.ToString());
            Assert.True(error.Path.StartsWith(site + "/", StringComparison.Ordinal) && error.Path.EndsWith(".html", StringComparison.Ordinal), error.ToString());
            // The tag at that place (a column counts characters) is the one holding the broken address.
            var line = File.ReadAllText(error.Path).Split('\n')[error.Line - 1];
            var at = string.Concat(line.EnumerateRunes().Skip(error.Column - 1).Select(r => r.ToString()));
            var tag = at[..(at.IndexOf('>') + 1)];
            Assert.StartsWith("<", tag);
            Assert.Contains($"href={match.Groups[1].Value}", tag.Replace("\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }
}
