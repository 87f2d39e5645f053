namespace XairrosX.AI.Autograd;

/// <summary>
/// Records operations in execution order; <see cref="Backward"/> replays their gradient rules in
/// reverse, which is reverse-mode differentiation of the recorded program. One tape per step.
/// </summary>
public sealed class GradientTape
{
    private readonly List<Action> _backward = new();

    /// <summary>Registers the gradient rule of an operation just performed.</summary>
    internal void Record(Action backward) => _backward.Add(backward);

    /// <summary>Number of recorded operations.</summary>
    public int Count => _backward.Count;

    /// <summary>Seeds ∂loss/∂loss = 1 for a scalar loss and propagates gradients to every recorded input.</summary>
    public void Backward(Variable loss)
    {
        if (loss.Length != 1) throw new ArgumentException("backward needs a scalar loss");
        loss.GradBuffer()[0] = 1f;
        for (int i = _backward.Count - 1; i >= 0; i--) _backward[i]();
        _backward.Clear();
    }
}
