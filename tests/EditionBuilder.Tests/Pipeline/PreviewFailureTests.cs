using EditionBuilder.Diagnostics;
using EditionBuilder.Pipeline;
using EditionBuilder.Tests.Support;
using EditionBuilder.Themes;
using Xunit;

namespace EditionBuilder.Tests.Pipeline;

/// <summary>No failure of a rebuild ends the preview: whatever a rebuild throws, even running out of memory on a hostile source, it fails with a diagnostic and the last good site stays.</summary>
public sealed class PreviewFailureTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("out of memory")]
    [InlineData("stack")]
    [InlineData("invalid operation")]
    public void Given_a_good_preview_When_a_rebuild_throws_Then_it_fails_with_a_diagnostic_and_the_last_good_site_stays(string failure)
    {
        var content = Path.Combine(_temp.Path, "content");
        SmallEdition.WriteTo(content);
        Exception? next = null;
        var session = new PreviewSession(content, diagnostics => next is { } e ? throw e : Theme.Load(Repo.Templates, diagnostics));
        Assert.True(session.Rebuild(new DiagnosticBag()).Succeeded);
        var good = session.Files;

        next = failure switch
        {
            "out of memory" => new OutOfMemoryException("Array dimensions exceeded supported range."),
            "stack" => new InsufficientExecutionStackException(),
            _ => new InvalidOperationException("a fault of ours"),
        };
        var diagnostics = new DiagnosticBag();
        var report = session.Rebuild(diagnostics);

        Assert.False(report.Succeeded);
        Assert.Equal(DiagnosticCodes.InternalFailure, Assert.Single(diagnostics.Items).Code);
        Assert.Same(good, session.Files);
        next = null;
        Assert.True(session.Rebuild(new DiagnosticBag()).Succeeded);
    }
}
