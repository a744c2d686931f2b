using Xunit;

namespace EditionBuilder.BrowserTests.Support;

/// <summary>System programs the browser tests need: missing ones skip the test with the Debian package to install, except in CI where they fail it.</summary>
public static class Programs
{
    public const string Chromium = "/usr/bin/chromium";

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips (or, in CI, fails) when the file is missing.</summary>
    public static void Require(string path, string debianPackage)
    {
        if (File.Exists(path)) return;
        var message = $"{path} is missing: install it with `apt-get install -y {debianPackage}`";
        if (InCi) Assert.Fail(message + " (CI=true: a missing program fails the run)");
        Skip.If(true, message);
    }

    /// <summary>Finds a program on PATH, or null.</summary>
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':')
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
