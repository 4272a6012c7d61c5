using System.Text.Json.Serialization;

namespace ClawLearn.Wiki;

/// <summary>A bootstrap file as OpenClaw injects it: raw and injected characters, truncated or not.</summary>
public sealed record FileCost(string Name, string Ref, int RawChars, int InjectedChars, bool Truncated)
{
    [JsonIgnore]
    public int Tokens => (InjectedChars + 3) / 4;
}
