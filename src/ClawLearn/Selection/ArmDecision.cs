namespace ClawLearn.Selection;

/// <summary>
/// What selection decided for one arm: included or not, its Thompson score (null for a baseline draw), whether it
/// was a seed or under-explored, and the estimated probability that the policy includes it (null when not estimated).
/// </summary>
/// <remarks>
/// Written out by hand rather than as a positional record so the four flags and two "has a value" bits share one byte:
/// 32 bytes instead of 48, for whoever keeps a selection's decisions (a list of 1,000 of them is 32 KB, not 48 KB).
/// The members, equality, printing and JSON are those of the positional record it replaces.
/// </remarks>
public readonly record struct ArmDecision
{
    private const byte IncludedBit = 1, HasScoreBit = 2, IsSeedBit = 4, IsUnderexploredBit = 8, HasPropensityBit = 16;

    private readonly double _score;
    private readonly double _propensity;
    private readonly byte _flags;

    public ArmDecision(string ArmId, int TokenCost, bool Included, double? Score, bool IsSeed, bool IsUnderexplored, double? Propensity)
    {
        this.ArmId = ArmId;
        this.TokenCost = TokenCost;
        this.Included = Included;
        this.Score = Score;
        this.IsSeed = IsSeed;
        this.IsUnderexplored = IsUnderexplored;
        this.Propensity = Propensity;
    }

    public string ArmId { get; init; }

    public int TokenCost { get; init; }

    public bool Included { get => Has(IncludedBit); init => _flags = With(IncludedBit, value); }

    // A null score or propensity stores 0, so field-wise record equality stays value equality.
    public double? Score
    {
        get => Has(HasScoreBit) ? _score : null;
        init
        {
            _score = value.GetValueOrDefault();
            _flags = With(HasScoreBit, value.HasValue);
        }
    }

    public bool IsSeed { get => Has(IsSeedBit); init => _flags = With(IsSeedBit, value); }

    public bool IsUnderexplored { get => Has(IsUnderexploredBit); init => _flags = With(IsUnderexploredBit, value); }

    public double? Propensity
    {
        get => Has(HasPropensityBit) ? _propensity : null;
        init
        {
            _propensity = value.GetValueOrDefault();
            _flags = With(HasPropensityBit, value.HasValue);
        }
    }

    public void Deconstruct(out string ArmId, out int TokenCost, out bool Included, out double? Score, out bool IsSeed,
        out bool IsUnderexplored, out double? Propensity)
    {
        ArmId = this.ArmId;
        TokenCost = this.TokenCost;
        Included = this.Included;
        Score = this.Score;
        IsSeed = this.IsSeed;
        IsUnderexplored = this.IsUnderexplored;
        Propensity = this.Propensity;
    }

    private bool Has(byte bit) => (_flags & bit) != 0;

    private byte With(byte bit, bool on) => (byte)(on ? _flags | bit : _flags & ~bit);
}
