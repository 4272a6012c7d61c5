using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace ClawLearn.Tests.Browser;

/// <summary>
/// A minimal Chrome DevTools Protocol client for one page: commands with ids and awaited results, and event
/// handlers, over one WebSocket with a background receive loop (a dialog event must be answered while a click
/// that opened it is still waiting for its result).
/// </summary>
public sealed class CdpSession : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode>> _pending = new();
    private readonly ConcurrentDictionary<string, Action<JsonNode>> _handlers = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly Task _receive;
    private int _nextId;

    private CdpSession(ClientWebSocket socket)
    {
        _socket = socket;
        _receive = Task.Run(ReceiveLoop);
    }

    public static async Task<CdpSession> ConnectAsync(Uri url)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await socket.ConnectAsync(url, CancellationToken.None);
        return new CdpSession(socket);
    }

    /// <summary>Console messages and uncaught exceptions of the page, once <see cref="CollectErrorsAsync"/> ran.</summary>
    public ConcurrentQueue<string> PageErrors { get; } = new();

    public void On(string method, Action<JsonNode> handler) => _handlers[method] = handler;

    public async Task<JsonNode> SendAsync(string method, JsonObject? parameters = null, TimeSpan? timeout = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var result = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = result;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        await _send.WaitAsync();
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _send.Release();
        }
        var response = await result.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
        if (response["error"] is { } error) throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
        return response["result"] ?? new JsonObject();
    }

    /// <summary>Evaluates an expression in the page (awaiting a promise) and returns its JSON value.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        if (result["exceptionDetails"] is { } exception) throw new InvalidOperationException($"page script failed: {exception.ToJsonString()}");
        return result["result"]?["value"];
    }

    /// <summary>Polls <paramref name="expression"/> until it is true.</summary>
    public async Task WaitForAsync(string expression, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await EvaluateAsync(expression) is JsonValue value && value.TryGetValue(out bool ok) && ok) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"timed out waiting for {what} ({expression}); page errors: {string.Join(" | ", PageErrors)}");
            await Task.Delay(100);
        }
    }

    public async Task CollectErrorsAsync()
    {
        On("Runtime.exceptionThrown", e => PageErrors.Enqueue("exception: " + e["exceptionDetails"]?.ToJsonString()));
        On("Runtime.consoleAPICalled", e =>
        {
            if ((string?)e["type"] is "error" or "warning") PageErrors.Enqueue("console: " + e["args"]?.ToJsonString());
        });
        On("Log.entryAdded", e =>
        {
            if ((string?)e["entry"]?["level"] == "error") PageErrors.Enqueue("log: " + e["entry"]?["text"] + " " + e["entry"]?["url"]);
        });
        await SendAsync("Runtime.enable");
        await SendAsync("Log.enable");
        await SendAsync("Page.enable");
    }

    private async Task ReceiveLoop()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var read = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (read.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, read.Count);
                if (!read.EndOfMessage) continue;
                var node = JsonNode.Parse(message.ToArray())!;
                message.SetLength(0);
                if (node["id"] is { } id && _pending.TryRemove((int)id, out var waiter)) waiter.TrySetResult(node);
                else if ((string?)node["method"] is { } method && _handlers.TryGetValue(method, out var handler)) _ = Task.Run(() => handler(node["params"]!));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Closing.
        }
        foreach (var waiter in _pending.Values) waiter.TrySetException(new InvalidOperationException("the DevTools connection closed"));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _receive;
        }
        catch (OperationCanceledException)
        {
        }
        _socket.Dispose();
        _stop.Dispose();
        _send.Dispose();
    }
}
