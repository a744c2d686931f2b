using Xunit;

namespace EditionBuilder.Tests.Support;

/// <summary>The small edition built by <c>edition build</c>'s library step into a site folder of a test's temporary folder, for the deploy and package tests.</summary>
public static class SmallSites
{
    /// <summary>Builds the small edition from <c>content-&lt;name&gt;</c> into <c>&lt;name&gt;</c> and returns the site's full path; an extra paragraph in its last chapter makes two sites differ.</summary>
    public static string Build(TempFolder temp, string name, string? extraParagraph = null)
    {
        var content = Path.Combine(temp.Path, "content-" + name);
        SmallEdition.WriteTo(content);
        if (extraParagraph is not null) File.AppendAllText(Path.Combine(content, "small", "ar", "02-alkhatma.md"), "\n" + extraParagraph + "\n");
        var site = Path.Combine(temp.Path, name);
        var built = FolderBuilds.Run(content, site);
        Assert.True(built.Succeeded, built.Said);
        return site;
    }
}
