using System.Reflection;
using System.Runtime.ExceptionServices;
using ClawLearn.Storage;

namespace ClawLearn.Tests.Support;

/// <summary>
/// A learning store that forwards every call to a real one, for tests that watch or break some of the calls: a
/// subclass overrides <see cref="Invoke"/> and calls <see cref="Forward"/>. Exceptions reach the caller unwrapped.
/// </summary>
public class StoreProxy : DispatchProxy
{
    protected ILearningStore Target { get; private set; } = null!;

    /// <summary>A <typeparamref name="TProxy"/> in front of <paramref name="target"/>, set up by <paramref name="setUp"/>.</summary>
    public static ILearningStore Wrap<TProxy>(ILearningStore target, Action<TProxy>? setUp = null) where TProxy : StoreProxy
    {
        var proxy = Create<ILearningStore, TProxy>();
        var typed = (TProxy)(object)proxy;
        typed.Target = target;
        setUp?.Invoke(typed);
        return proxy;
    }

    protected override object? Invoke(MethodInfo? method, object?[]? args) => Forward(method!, args);

    protected object? Forward(MethodInfo method, object?[]? args)
    {
        try
        {
            return method.Invoke(Target, args);
        }
        catch (TargetInvocationException e)
        {
            ExceptionDispatchInfo.Throw(e.InnerException!);
            throw;
        }
    }
}
