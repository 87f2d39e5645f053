namespace XairrosX.AI.Autograd;

/// <summary>Updates parameters from their gradients.</summary>
public abstract class Optimizer
{
    /// <summary>Parameters being trained.</summary>
    protected IReadOnlyList<Variable> Parameters { get; }

    /// <summary>Trains <paramref name="parameters"/>.</summary>
    protected Optimizer(IReadOnlyList<Variable> parameters) => Parameters = parameters;

    /// <summary>Applies one update using the current gradients.</summary>
    public abstract void Step();

    /// <summary>Clears all gradients.</summary>
    public void ZeroGrad()
    {
        foreach (Variable p in Parameters) p.ZeroGrad();
    }
}

/// <summary>Stochastic gradient descent with optional momentum: v = μv + g; p −= lr·v.</summary>
public sealed class Sgd : Optimizer
{
    private readonly float _learningRate, _momentum;
    private readonly float[][] _velocity;

    /// <summary>Creates the optimizer.</summary>
    public Sgd(IReadOnlyList<Variable> parameters, float learningRate, float momentum = 0f) : base(parameters)
    {
        _learningRate = learningRate;
        _momentum = momentum;
        _velocity = new float[parameters.Count][];
        for (int i = 0; i < parameters.Count; i++) _velocity[i] = new float[parameters[i].Length];
    }

    /// <inheritdoc/>
    public override void Step()
    {
        for (int p = 0; p < Parameters.Count; p++)
        {
            Variable v = Parameters[p];
            if (v.Grad is not float[] g) continue;
            float[] vel = _velocity[p];
            for (int i = 0; i < v.Length; i++)
            {
                vel[i] = _momentum * vel[i] + g[i];
                v.Data[i] -= _learningRate * vel[i];
            }
        }
    }
}

/// <summary>Adam (Kingma &amp; Ba): bias-corrected first and second moment estimates.</summary>
public sealed class Adam : Optimizer
{
    private readonly float _learningRate, _beta1, _beta2, _epsilon;
    private readonly float[][] _m, _v;
    private int _step;

    /// <summary>Creates the optimizer with the usual defaults.</summary>
    public Adam(IReadOnlyList<Variable> parameters, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f) : base(parameters)
    {
        _learningRate = learningRate;
        _beta1 = beta1;
        _beta2 = beta2;
        _epsilon = epsilon;
        _m = new float[parameters.Count][];
        _v = new float[parameters.Count][];
        for (int i = 0; i < parameters.Count; i++)
        {
            _m[i] = new float[parameters[i].Length];
            _v[i] = new float[parameters[i].Length];
        }
    }

    /// <inheritdoc/>
    public override void Step()
    {
        _step++;
        float c1 = 1f - MathF.Pow(_beta1, _step), c2 = 1f - MathF.Pow(_beta2, _step);
        for (int p = 0; p < Parameters.Count; p++)
        {
            Variable v = Parameters[p];
            if (v.Grad is not float[] g) continue;
            float[] m = _m[p], s = _v[p];
            for (int i = 0; i < v.Length; i++)
            {
                m[i] = _beta1 * m[i] + (1 - _beta1) * g[i];
                s[i] = _beta2 * s[i] + (1 - _beta2) * g[i] * g[i];
                v.Data[i] -= _learningRate * (m[i] / c1) / (MathF.Sqrt(s[i] / c2) + _epsilon);
            }
        }
    }
}
