using ClawLearn.Storage;

namespace ClawLearn.Tests.Storage;

/// <summary>Found by review: the per-thread cache of arm numbers against a concurrent Clear.</summary>
public sealed class ArmNumbersRaceTests
{
    // A thread that looks an arm up while Clear runs must not keep a pre-Clear number once Clear has returned.
    [Fact]
    public void A_lookup_racing_Clear_never_caches_the_old_number_for_good()
    {
        var numbers = new ArmNumbers();
        var id = "tool:x";
        numbers.Add(0, id);
        int phase = 0, expected = 0, stale = 0, rounds = 0; // phase 0: churn, 1: check requested, 2: checked
        var stop = false;
        var worker = new Thread(() =>
        {
            while (!Volatile.Read(ref stop))
            {
                if (Volatile.Read(ref phase) == 1)
                {
                    if (numbers.TryGetNumber(id, out var n) && n != Volatile.Read(ref expected)) Interlocked.Increment(ref stale);
                    Volatile.Write(ref phase, 2);
                    continue;
                }
                numbers.TryGetNumber(id, out _);
            }
        });
        worker.Start();
        var until = DateTime.UtcNow.AddSeconds(1); // the unfixed order failed within the first rounds
        for (var m = 1; DateTime.UtcNow < until && Volatile.Read(ref stale) == 0; m++, rounds++)
        {
            numbers.Clear();
            numbers.Add(m, id);
            Volatile.Write(ref expected, m);
            Volatile.Write(ref phase, 1);
            while (Volatile.Read(ref phase) != 2) Thread.SpinWait(10);
            Volatile.Write(ref phase, 0);
            Thread.SpinWait(50); // let the worker churn so that the next Clear overlaps a lookup
        }
        Volatile.Write(ref stop, true);
        worker.Join();
        Assert.True(stale == 0, $"a stale number was used after Clear, within {rounds} rounds");
    }
}
