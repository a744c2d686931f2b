namespace EditionBuilder.Cli;

/// <summary>The exit codes of docs/design.md, "The command line".</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int InputErrors = 1;
    public const int Usage = 2;
    public const int InternalFailure = 3;
}
