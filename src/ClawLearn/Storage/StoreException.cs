namespace ClawLearn.Storage;

/// <summary>A learning store that cannot be used as it is (for example, written by a newer ClawLearn).</summary>
public sealed class StoreException(string message) : Exception(message);
