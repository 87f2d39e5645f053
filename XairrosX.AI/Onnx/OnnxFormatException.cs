namespace XairrosX.AI.Onnx;

/// <summary>The bytes are not a well-formed ONNX/protobuf message; the message says what and where.</summary>
public sealed class OnnxFormatException : Exception
{
    /// <summary>Creates the exception with a reason.</summary>
    public OnnxFormatException(string message) : base(message) { }

    /// <summary>Creates the exception with a reason and the underlying cause.</summary>
    public OnnxFormatException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>The model is well formed but uses an operator, attribute value or type the engine does not implement.</summary>
public sealed class OnnxNotSupportedException : NotSupportedException
{
    /// <summary>Creates the exception with a reason.</summary>
    public OnnxNotSupportedException(string message) : base(message) { }
}

/// <summary>A node failed validation or execution (bad shapes, missing inputs); the message names node and op.</summary>
public sealed class OnnxModelException : Exception
{
    /// <summary>Creates the exception with a reason.</summary>
    public OnnxModelException(string message) : base(message) { }

    /// <summary>Creates the exception with a reason and the underlying cause.</summary>
    public OnnxModelException(string message, Exception inner) : base(message, inner) { }
}
