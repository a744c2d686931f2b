using System.Diagnostics;
using Xunit;

namespace EditionBuilder.Tests.Support;

/// <summary>Word documents written by Debian's pandoc, a program other than ours, from the <c>in.md</c> a test put in its folder.</summary>
public static class PandocDocuments
{
    /// <summary>Debian's pandoc (package pandoc).</summary>
    public const string Program = "/usr/bin/pandoc";

    /// <summary>Runs pandoc over <c>in.md</c> in the folder (with these extra options, such as <c>--citeproc</c>) and returns the .docx it wrote; pandoc's errors fail the test.</summary>
    public static byte[] Docx(TempFolder folder, params string[] options)
    {
        var start = new ProcessStartInfo(Program) { WorkingDirectory = folder.Path, RedirectStandardError = true };
        foreach (var arg in new[] { "in.md", "-o", "out.docx" }.Concat(options)) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, errors);
        return File.ReadAllBytes(Path.Combine(folder.Path, "out.docx"));
    }
}
