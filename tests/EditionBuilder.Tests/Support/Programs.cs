using Xunit;

namespace EditionBuilder.Tests.Support;

/// <summary>System programs some tests need (EPUBCheck, Java): a missing one skips the test with the Debian package to install, except in CI (CI=true), where it fails it.</summary>
public static class Programs
{
    /// <summary>Debian's EPUBCheck (package epubcheck); /usr/bin/epubcheck links to this jar and runs only where binfmt runs jars, so tests call Java.</summary>
    public const string EpubCheckJar = "/usr/share/java/epubcheck.jar";

    public const string Java = "/usr/bin/java";

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips (or, in CI, fails) when the file is missing.</summary>
    public static void Require(string path, string debianPackage)
    {
        if (File.Exists(path)) return;
        var message = $"{path} is missing: install it with `apt-get install -y {debianPackage}`";
        if (InCi) Assert.Fail(message + " (CI=true: a missing program fails the run)");
        Skip.If(true, message);
    }
}
