using System.Diagnostics;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Exports;

/// <summary>Validates an export with xmllint --schema against a registry's own XSD, offline: the schemas' imports resolve through an XML catalog (XML_CATALOG_FILES) to the local copies.</summary>
public static class SchemaCheck
{
    private const string Xmllint = "/usr/bin/xmllint";

    /// <summary>DOAJ's doajArticles.xsd and its language list (tests/EditionBuilder.Tests/Schemas/doaj/SOURCE.md says where they come from).</summary>
    public static string DoajFolder => Path.Combine(Repo.TestsFolder, "Schemas", "doaj");

    /// <summary>xmllint's exit code and errors for the document against the schema.</summary>
    public static (int Exit, string Errors) Validate(string xml, string schema, string? catalog = null)
    {
        Programs.Require(Xmllint, "libxml2-utils");
        using var temp = new TempFolder();
        var file = temp.File("export.xml", xml);
        var start = new ProcessStartInfo(Xmllint) { WorkingDirectory = temp.Path, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "--nonet", "--noout", "--schema", schema, file }) start.ArgumentList.Add(argument);
        // Without a catalog, an empty one: the machine's own catalog must not decide what the schema imports.
        start.Environment["XML_CATALOG_FILES"] = catalog ?? Path.Combine(DoajFolder, "catalog.xml");
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, errors.Result);
    }

    public static void AssertValid(string xml, string schema, string? catalog = null)
    {
        var (exit, errors) = Validate(xml, schema, catalog);
        Assert.True(exit == 0, errors);
    }
}
