namespace EditionBuilder.Output;

/// <summary>A named step of a swap (a rename, a link, a marker) where the fault-injection tests kill the process: with EDITION_TEST_CRASH_AT=&lt;step&gt; the process ends there with SIGKILL, as a power cut would end it.</summary>
public static class CrashPoint
{
    private static readonly string? Armed = Environment.GetEnvironmentVariable("EDITION_TEST_CRASH_AT");

    /// <summary>Every step the tests can kill at, in the order a build or deploy reaches them.</summary>
    public static readonly IReadOnlyList<string> BuildSteps = ["build-staged", "build-exchanged", "build-old-moved-aside"];

    /// <summary>The steps of <c>edition deploy</c> (and of the first deploy onto a plain folder).</summary>
    public static readonly IReadOnlyList<string> DeploySteps =
        ["deploy-release-staged", "deploy-release-named", "deploy-marker-written", "deploy-link-made", "deploy-swapped", "deploy-marker-settled", "deploy-plain-folder-kept"];

    /// <summary>Kills the process here when this step is the armed one; otherwise does nothing.</summary>
    public static void Reach(string step)
    {
        if (Armed is not null && string.Equals(Armed, step, StringComparison.Ordinal)) NativeFiles.KillSelf();
    }
}
