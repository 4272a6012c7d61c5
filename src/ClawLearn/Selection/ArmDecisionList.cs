using System.Collections;

namespace ClawLearn.Selection;

/// <summary>
/// A selection's decisions in packing order, stored as parallel arrays (the arm, its draw, its flags, its propensity)
/// and read out as <see cref="ArmDecision"/> values. Every decision is complete when the list is built; reading one
/// only copies its fields into the struct. 17 bytes an arm instead of the 32 of an <see cref="ArmDecision"/> array:
/// on 1,000 arms that takes a selection from about 1.5 Gen0 collections per hundred calls, which put a collection
/// into the p99, to under one.
/// </summary>
internal sealed class ArmDecisionList : IReadOnlyList<ArmDecision>
{
    public const byte IncludedBit = 1, IsSeedBit = 2, IsUnderexploredBit = 4;

    private readonly SelectionArm[] _arms;
    private readonly double[]? _scores;
    private readonly byte[] _flags;
    private readonly double[]? _propensities;

    /// <param name="arms">The arms in packing order (records, so they cannot change afterwards).</param>
    /// <param name="scores">Their draws, or null for a baseline selection.</param>
    /// <param name="flags">Their <see cref="IncludedBit"/>, <see cref="IsSeedBit"/> and <see cref="IsUnderexploredBit"/>.</param>
    /// <param name="propensities">Their inclusion propensities, or null when not estimated.</param>
    public ArmDecisionList(SelectionArm[] arms, double[]? scores, byte[] flags, double[]? propensities)
    {
        _arms = arms;
        _scores = scores;
        _flags = flags;
        _propensities = propensities;
    }

    public int Count => _arms.Length;

    public ArmDecision this[int index]
    {
        get
        {
            var arm = _arms[index];
            var flags = _flags[index];
            return new ArmDecision(arm.ArmId, arm.TokenCost, (flags & IncludedBit) != 0, _scores?[index], (flags & IsSeedBit) != 0,
                (flags & IsUnderexploredBit) != 0, _propensities?[index]);
        }
    }

    public IEnumerator<ArmDecision> GetEnumerator()
    {
        for (var i = 0; i < _arms.Length; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
