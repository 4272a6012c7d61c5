using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ClawLearn.Tests.Browser;

/// <summary>
/// Debian's headless Chromium, started with the flags this machine needs (no sandbox as root, no background
/// networking on a closed network) and a throwaway profile, driven over the DevTools protocol.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _profile;

    private Chromium(Process process, string profile, CdpSession page)
    {
        _process = process;
        _profile = profile;
        Page = page;
    }

    public CdpSession Page { get; }

    /// <summary>The browser binary: <c>CLAWLEARN_CHROMIUM</c>, else chromium or chrome on the PATH; null when none.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("CLAWLEARN_CHROMIUM") is { Length: > 0 } configured) return configured;
        foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome" })
        {
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    public static async Task<Chromium> LaunchAsync(int width = 1400, int height = 2200)
    {
        var binary = Find() ?? throw new InvalidOperationException("Chromium is not installed (.ci/run installs Debian's chromium; or set CLAWLEARN_CHROMIUM)");
        var profile = Directory.CreateTempSubdirectory("clawlearn-chromium").FullName;
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
            "--remote-debugging-port=0", $"--user-data-dir={profile}", $"--window-size={width},{height}", "about:blank" })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Chromium writes the port it chose to DevToolsActivePort in the profile once it listens.
        var portFile = Path.Combine(profile, "DevToolsActivePort");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!File.Exists(portFile) || new FileInfo(portFile).Length == 0)
        {
            if (process.HasExited) throw new InvalidOperationException($"Chromium exited at start with code {process.ExitCode}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Chromium did not open its DevTools port within 30 s");
            await Task.Delay(100);
        }
        var port = int.Parse((await File.ReadAllLinesAsync(portFile))[0]);
        using var http = new HttpClient();
        string? socket = null;
        while (socket is null)
        {
            var targets = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list"))!.AsArray();
            socket = targets.FirstOrDefault(t => (string?)t!["type"] == "page")?["webSocketDebuggerUrl"]?.GetValue<string>();
            if (socket is null)
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException("Chromium opened no page");
                await Task.Delay(100);
            }
        }
        return new Chromium(process, profile, await CdpSession.ConnectAsync(new Uri(socket)));
    }

    public async ValueTask DisposeAsync()
    {
        await Page.DisposeAsync();
        try
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be releasing files; the temp folder is cleaned by the system later.
        }
    }
}
