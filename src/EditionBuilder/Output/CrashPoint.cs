using EditionBuilder.Files;
namespace EditionBuilder.Output;

/// <summary>A named step of a swap (a rename, a link, a state file) where the fault-injection tests kill the process: with EDITION_TEST_CRASH_AT=&lt;step&gt; the process ends there with SIGKILL, as a power cut or <c>kill -9</c> would end it.</summary>
/// <remarks>
/// The steps: a folder swap (build, package, import) reaches <c>swap-ready</c>, then <c>swap-exchanged</c> (or, without RENAME_EXCHANGE,
/// <c>swap-moved-aside</c>); a deploy reaches <c>deploy-release-staged</c>, <c>deploy-release-named</c>, <c>deploy-marker-written</c>,
/// <c>deploy-link-made</c>, <c>deploy-swapped</c>, <c>deploy-marker-settled</c> (and <c>deploy-plain-folder-kept</c> on a plain folder
/// without RENAME_EXCHANGE); a rollback the last four.
/// </remarks>
public static class CrashPoint
{
    private static readonly string? Armed = Environment.GetEnvironmentVariable("EDITION_TEST_CRASH_AT");

    /// <summary>Kills the process here when this step is the armed one; otherwise does nothing.</summary>
    public static void Reach(string step)
    {
        if (Armed is not null && string.Equals(Armed, step, StringComparison.Ordinal)) NativeFiles.KillSelf();
    }
}
