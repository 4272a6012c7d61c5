using System.Globalization;

namespace ClawLearn.Bench.Corpus;

/// <summary>
/// What the gateway puts around a user turn's text (openclaw-formats A2): the sender envelope of its channel, the
/// cron or sub-agent preamble, and Telegram's trailing message id. Redaction and envelope stripping run on these.
/// </summary>
internal static class ChannelEnvelope
{
    private static readonly string[] Senders = ["Alice Smith (@alice) id:123456789", "Bob Jones (@bobj) id:223344556", "Carol (@carol) id:987654321"];

    public static string Prefix(PlannedSession plan, Random random, long timestampMs)
    {
        var day = DateTimeOffset.FromUnixTimeMilliseconds(timestampMs).UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return plan.Kind switch
        {
            SessionKind.Main or SessionKind.Direct when plan.Channel == "telegram" => $"[Telegram {Senders[random.Next(Senders.Length)]} +{random.Next(1, 59)}m {day} UTC] ",
            SessionKind.Direct when plan.Channel == "whatsapp" => $"[WhatsApp +4915112345{random.Next(100, 999)} {day} UTC] ",
            SessionKind.Direct => $"[Discord dave (@dave) {day} UTC] ",
            SessionKind.Group or SessionKind.Topic or SessionKind.Thread => $"[{Capitalized(plan.Channel ?? "discord")} #homelab] erin: ",
            SessionKind.Cron => $"[cron:{CorpusPlan.CronJobs[plan.Index % CorpusPlan.CronJobs.Length]}] ",
            SessionKind.Subagent => "[Subagent Context] You are a sub-agent. Task: ",
            _ => "",
        };
    }

    /// <summary>The line Telegram turns end with; null for other envelopes.</summary>
    public static string? Suffix(string prefix, Random random) =>
        prefix.StartsWith("[Telegram", StringComparison.Ordinal) ? $"\n[message_id: {random.Next(1_000, 99_999)}]" : null;

    private static string Capitalized(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
