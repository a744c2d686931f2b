namespace EditionBuilder.Diagnostics;

/// <summary>How serious a diagnostic is: errors stop the build, warnings do not.</summary>
public enum Severity
{
    Warning,
    Error,
}
