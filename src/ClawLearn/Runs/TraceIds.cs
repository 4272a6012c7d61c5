using System.Security.Cryptography;
using System.Text;

namespace ClawLearn.Runs;

/// <summary>
/// Deterministic ids (trace-contract 5): from (agent, session, index of the user turn), so a re-ingest gives every
/// run the same <c>tr_…</c> and <c>run_…</c> ids.
/// </summary>
public static class TraceIds
{
    public static string TraceId(string agentId, string sessionId, int userIndex) => "tr_" + Hash("trace", agentId, sessionId, userIndex);

    public static string RunId(string agentId, string sessionId, int userIndex) => "run_" + Hash("run", agentId, sessionId, userIndex);

    private static string Hash(string kind, string agentId, string sessionId, int userIndex)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}\n{agentId}\n{sessionId}\n{userIndex}"));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 10));
    }
}
