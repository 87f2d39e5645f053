using XairrosX.AI.Kernels;
using XairrosX.AI.Tensors;

namespace XairrosX.AI.Runtime;

/// <summary>What an operator sees while running: bound input/output tensors and shared scratch.</summary>
internal sealed class OpContext
{
    private readonly Tensor?[] _values;
    private int[] _inputs = [];
    private int[] _outputs = [];

    public OpContext(Tensor?[] values, GemmWorkspace gemm)
    {
        _values = values;
        Gemm = gemm;
    }

    public GemmWorkspace Gemm { get; }
    public NativeBuffer? Scratch { get; set; }

    public void Bind(int[] inputs, int[] outputs)
    {
        _inputs = inputs;
        _outputs = outputs;
    }

    public int InputCount => _inputs.Length;

    public bool HasInput(int i) => i < _inputs.Length && _inputs[i] >= 0;

    public Tensor Input(int i) => _values[_inputs[i]]!;

    public Tensor? OptionalInput(int i) => HasInput(i) ? _values[_inputs[i]] : null;

    public bool HasOutput(int i) => i < _outputs.Length && _outputs[i] >= 0;

    public Tensor Output(int i) => _values[_outputs[i]]!;

    /// <summary>For view-producing operators: publishes the output tensor.</summary>
    public void SetOutput(int i, Tensor t) => _values[_outputs[i]] = t;

    public Tensor? CurrentOutput(int i) => _values[_outputs[i]];

    public unsafe float* ScratchFloats => (float*)Scratch!.Pointer;
}
