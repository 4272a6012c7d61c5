using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ClawLearn.Learning;

namespace ClawLearn.Storage;

/// <summary>
/// The stored form of a run trace: compact bytes, arms by number (see <see cref="ArmNumbers"/>). A trace as JSON is
/// ~12 KB when a run offers 145 arms (~80 bytes an arm); here an arm is 3–5 bytes, so an agent's history writes,
/// checkpoints, hashes and reads back a tenth of the bytes. Layout (version 1): version byte; trace id, run id,
/// session id, session key; timestamp; provider, model, channel; flags; the context's four values unless they equal
/// the trace's own; usage; duration; system prompt chars; error; arm count, then per arm its number, its two flags
/// and its token cost. Integers are LEB128 varints (signed ones zig-zag), strings UTF-8 with length + 1 (0 is null).
/// </summary>
internal static class TraceCodec
{
    private const byte Version = 1;

    [Flags]
    private enum TraceFlags : byte
    {
        None = 0,
        Baseline = 1,
        Aborted = 2,
        HasUsage = 4,
        HasDuration = 8,
        OwnContext = 16,
    }

    [Flags]
    private enum ArmFlags : byte
    {
        None = 0,
        Included = 1,
        Referenced = 2,
    }

    /// <summary>The trace's bytes, or null when one of its arms has no number yet (see <see cref="UnnumberedArms"/>).</summary>
    // Hot in every sync (every trace): compiled optimised at once; left to the tiered JIT it ran unoptimised through much of a cold ingest.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static byte[]? Encode(RunTrace trace, ArmNumbers numbers)
    {
        var writer = new CompactWriter(256 + trace.Arms.Count * 4);
        writer.Byte(Version);
        writer.String(trace.TraceId);
        writer.String(trace.RunId);
        writer.String(trace.SessionId);
        writer.String(trace.SessionKey);
        writer.Signed(trace.Timestamp);
        writer.String(trace.Provider);
        writer.String(trace.Model);
        writer.String(trace.Channel);
        var ownContext = trace.Context != new TraceContext(trace.SessionKey, trace.Channel, trace.Provider, trace.Model);
        var flags = (trace.IsBaseline ? TraceFlags.Baseline : 0) | (trace.Aborted ? TraceFlags.Aborted : 0)
            | (trace.Usage is not null ? TraceFlags.HasUsage : 0) | (trace.DurationMs is not null ? TraceFlags.HasDuration : 0)
            | (ownContext ? TraceFlags.OwnContext : 0);
        writer.Byte((byte)flags);
        if (ownContext)
        {
            writer.String(trace.Context.SessionKey);
            writer.String(trace.Context.Channel);
            writer.String(trace.Context.Provider);
            writer.String(trace.Context.Model);
        }
        if (trace.Usage is { } usage)
        {
            writer.Signed(usage.Input);
            writer.Signed(usage.Output);
            writer.Signed(usage.CacheRead);
            writer.Signed(usage.CacheWrite);
            writer.Signed(usage.Total);
        }
        if (trace.DurationMs is { } duration) writer.Signed(duration);
        writer.Signed(trace.SystemPromptChars);
        writer.String(trace.Error);
        writer.Unsigned((ulong)trace.Arms.Count);
        // A span when the arms are a list (a built trace's are): no enumerator through the interface for every arm.
        foreach (var arm in trace.Arms is List<ArmOutcome> list ? CollectionsMarshal.AsSpan(list) : trace.Arms.ToArray())
        {
            if (!numbers.TryGetNumber(arm.ArmId, out var number)) return null;
            writer.Unsigned((ulong)number);
            writer.Byte((byte)((arm.Included ? ArmFlags.Included : 0) | (arm.Referenced ? ArmFlags.Referenced : 0)));
            writer.Signed(arm.TokenCost);
        }
        return writer.ToArray();
    }

    /// <summary>The trace's arm ids that <paramref name="numbers"/> has no number for, each once.</summary>
    public static IEnumerable<string> UnnumberedArms(RunTrace trace, ArmNumbers numbers) =>
        trace.Arms.Select(a => a.ArmId).Where(id => !numbers.TryGetNumber(id, out _)).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// The trace stored as <paramref name="bytes"/>, or null when it names an arm number <paramref name="numbers"/>
    /// lacks (another writer added it since the dictionary was read: read it again and retry).
    /// </summary>
    public static RunTrace? Decode(ReadOnlySpan<byte> bytes, ArmNumbers numbers)
    {
        var reader = new CompactReader(bytes);
        var version = reader.Byte();
        if (version != Version) throw new StoreException($"a stored trace has format version {version}, which this ClawLearn cannot read; upgrade ClawLearn");
        var traceId = reader.String()!;
        var runId = reader.String()!;
        var sessionId = reader.String()!;
        var sessionKey = reader.String();
        var timestamp = reader.Signed();
        var provider = reader.String();
        var model = reader.String();
        var channel = reader.String();
        var flags = (TraceFlags)reader.Byte();
        var context = flags.HasFlag(TraceFlags.OwnContext)
            ? new TraceContext(reader.String(), reader.String(), reader.String(), reader.String())
            : new TraceContext(sessionKey, channel, provider, model);
        var usage = flags.HasFlag(TraceFlags.HasUsage)
            ? new TraceUsage(reader.Signed(), reader.Signed(), reader.Signed(), reader.Signed(), reader.Signed())
            : null;
        long? duration = flags.HasFlag(TraceFlags.HasDuration) ? reader.Signed() : null;
        var promptChars = reader.Signed();
        var error = reader.String();
        var count = checked((int)reader.Unsigned());
        var arms = new ArmOutcome[count];
        for (var i = 0; i < count; i++)
        {
            var number = checked((int)reader.Unsigned());
            if (numbers.IdOf(number) is not { } armId) return null;
            var armFlags = (ArmFlags)reader.Byte();
            arms[i] = new ArmOutcome(armId, armFlags.HasFlag(ArmFlags.Included), armFlags.HasFlag(ArmFlags.Referenced), checked((int)reader.Signed()));
        }
        reader.End();
        return new RunTrace(traceId, runId, sessionId, sessionKey, timestamp, provider, model, channel, flags.HasFlag(TraceFlags.Baseline), context,
            arms, usage, duration, promptChars, flags.HasFlag(TraceFlags.Aborted), error);
    }
}
