using System.Text.Json;
using ClawLearn.Sessions;

namespace ClawLearn.Tests.Sessions.Reference;

/// <summary>
/// The map-entry reader as it was before <see cref="IndexEntryReader"/>: field lookups in a <see cref="JsonDocument"/>.
/// Kept unchanged as the reference the one-pass reader must agree with.
/// </summary>
internal static class ReferenceIndexEntry
{
    public static SessionIndexEntry? EntryFromMap(string key, JsonElement e, string agentId, StringPool names)
    {
        if (e.Str("sessionId") is not { Length: > 0 } sessionId) return null;
        var origin = e.Prop("origin") ?? default;
        var delivery = e.Prop("deliveryContext") ?? default;
        // Legacy stores kept the channel under "provider"; OpenClaw's loader migrates it to "channel".
        var channel = e.Str("channel") ?? e.Str("provider") ?? e.Str("lastChannel") ?? origin.Str("provider") ?? delivery.Str("channel");
        var name = e.Str("label") ?? e.Str("displayName") ?? origin.Str("label") ?? e.Str("subject");
        return new SessionIndexEntry(key, sessionId, e.Str("sessionFile"), name, null, e.TimeMs("updatedAt"), null,
            AgentFromKey(key) ?? agentId, channel, e.Str("chatType"), e.Str("modelProvider"), e.Str("model"),
            e.Str("spawnedBy"), Report(e, names)) { GivenName = e.Str("label") ?? e.Str("subject") };
    }

    private static string? AgentFromKey(string key)
    {
        var parts = key.Split(':');
        return parts.Length >= 2 && parts[0] == "agent" && parts[1].Length > 0 ? parts[1] : null;
    }

    private static PromptReport? Report(JsonElement entry, StringPool names)
    {
        var report = entry.Prop("systemPromptReport");
        var snapshot = entry.Prop("skillsSnapshot");
        if (report is null && snapshot is null) return null;
        var tools = new Dictionary<string, int>(StringComparer.Ordinal);
        var skills = new Dictionary<string, int>(StringComparer.Ordinal);
        var files = new List<InjectedFile>();
        int? promptChars = null;
        if (report is { } r)
        {
            foreach (var tool in (r.Prop("tools") ?? default).Items("entries"))
            {
                if (tool.Str("name") is { } name) tools[names.Get(name)] = tool.Int("schemaChars") ?? 0;
            }
            foreach (var skill in (r.Prop("skills") ?? default).Items("entries"))
            {
                if (skill.Str("name") is { } name) skills[names.Get(name)] = skill.Int("blockChars") ?? skill.Int("promptChars") ?? 0;
            }
            foreach (var file in r.Items("injectedWorkspaceFiles"))
            {
                if (file.Str("name") is { } name)
                    files.Add(new InjectedFile(name, file.Int("rawChars") ?? 0, file.Int("injectedChars") ?? 0, file.Bool("truncated"), file.Bool("missing")));
            }
            promptChars = (r.Prop("systemPrompt") ?? default).Int("chars");
        }
        if (snapshot is { } s)
        {
            foreach (var skill in s.Items("skills"))
            {
                if (skill.Str("name") is { } name) skills.TryAdd(names.Get(name), 0);
            }
        }
        return new PromptReport(tools, skills, files, promptChars);
    }
}
