using EditionBuilder.Diagnostics;
using EditionBuilder.Package;
using Xunit;

namespace EditionBuilder.Tests.Support;

/// <summary>Runs <c>edition package</c>'s library step (<see cref="EditionPackager.Run"/>) on explicit paths; fails the test when it writes no package.</summary>
public static class Packages
{
    public static EditionPackager.Result Run(string site, string output, string? content)
    {
        var diagnostics = new DiagnosticBag();
        var result = EditionPackager.Run(new PackageRequest(site, output, content), diagnostics);
        Assert.True(result is not null && !diagnostics.HasErrors, string.Join('\n', diagnostics.Items));
        return result;
    }
}
