namespace ClawLearn.Tests.Browser;

/// <summary>
/// A test that needs Chromium. <c>.ci/run</c> installs it and sets <c>CLAWLEARN_REQUIRE_BROWSER=1</c>, so in CI a
/// missing browser fails the test; on a machine without one (a newcomer's <c>dotnet test</c>) it is skipped, with
/// the reason shown.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.Find() is null && Environment.GetEnvironmentVariable("CLAWLEARN_REQUIRE_BROWSER") != "1")
            Skip = "Chromium is not installed (apt-get install chromium, or run .ci/run, which installs it)";
    }
}
