using System;
using System.IO;
using XairrosX.AI.Onnx;
using XairrosX.AI.Tensors;
using Xunit;

namespace XairrosX.Tests.AI;

public class ProtobufTests
{
    [Fact]
    public void VarintsRoundTripThroughWriterAndReader()
    {
        ulong[] values = [0, 1, 127, 128, 300, uint.MaxValue, ulong.MaxValue, 1UL << 63];
        var w = new ProtoWriter();
        foreach (ulong v in values) w.Varint(v);
        var r = new ProtoReader(w.Written);
        foreach (ulong v in values) Assert.Equal(v, r.ReadVarint());
        Assert.False(r.HasMore);
    }

    [Fact]
    public void TruncatedAndOverlongVarintsFailClearly()
    {
        Assert.Contains("truncated varint", Assert.Throws<OnnxFormatException>(() => new ProtoReader([0x80, 0x80]).ReadVarint()).Message);
        byte[] overlong = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01];
        Assert.Throws<OnnxFormatException>(() => new ProtoReader(overlong).ReadVarint());
    }

    [Fact]
    public void LengthPastEndFailsWithOffset()
    {
        var e = Assert.Throws<OnnxFormatException>(() => new ProtoReader([0x0A, 0x05, 0x01]).ReadBytesAfterKey());
        Assert.Contains("runs past the end", e.Message);
    }

    [Fact]
    public void TensorProtoTypedFieldsAreDecoded()
    {
        var proto = new OnnxTensorProto { Name = "t", DataType = TensorDataType.Int64 };
        proto.Dims.Add(3);
        proto.Int64Data.AddRange([5, -6, 7]);
        OnnxTensorProto back = OnnxTensorProto.Parse(OnnxWriter.Serialize(proto));
        using Tensor t = back.ToTensor();
        Assert.Equal([5L, -6, 7], t.Span<long>().ToArray());

        var floats = new OnnxTensorProto { DataType = TensorDataType.Float };
        floats.Dims.AddRange([2, 1]);
        floats.FloatData.AddRange([1.5f, -2f]);
        using Tensor f = OnnxTensorProto.Parse(OnnxWriter.Serialize(floats)).ToTensor();
        Assert.Equal([1.5f, -2f], f.Span<float>().ToArray());

        var bytes = new OnnxTensorProto { DataType = TensorDataType.Int8 };
        bytes.Dims.Add(2);
        bytes.Int32Data.AddRange([-3, 4]);
        using Tensor b = OnnxTensorProto.Parse(OnnxWriter.Serialize(bytes)).ToTensor();
        Assert.Equal(new sbyte[] { -3, 4 }, b.Span<sbyte>().ToArray());
    }

    [Fact]
    public void TensorProtoCountMismatchIsFormatError()
    {
        var proto = new OnnxTensorProto { DataType = TensorDataType.Float, RawData = new byte[8] };
        proto.Dims.Add(3);
        Assert.Contains("raw_data has 8 bytes", Assert.Throws<OnnxFormatException>(() => proto.ToTensor()).Message);
        var unsupported = new OnnxTensorProto { DataType = (TensorDataType)17, RawData = new byte[1] };
        unsupported.Dims.Add(1);
        Assert.Contains("FLOAT8E4M3FN", Assert.Throws<OnnxNotSupportedException>(() => unsupported.ToTensor()).Message);
    }

    [Fact]
    public void MnistModelParsesWithExpectedStructure()
    {
        OnnxModel model = OnnxParser.ParseModel(File.ReadAllBytes(Path.Combine(MnistTests.MnistDir, "model.onnx")));
        Assert.Equal(8, model.DefaultOpset);
        Assert.Equal("Input3", model.Graph.Inputs[0].Name);
        Assert.Equal(new long[] { 1, 1, 28, 28 }, model.Graph.Inputs[0].Dims);
        Assert.Equal("Plus214_Output_0", model.Graph.Outputs[0].Name);
        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Conv");
        // Writing and re-reading gives the same graph.
        OnnxModel again = OnnxParser.ParseModel(OnnxWriter.Serialize(model));
        Assert.Equal(model.Graph.Nodes.Count, again.Graph.Nodes.Count);
        Assert.Equal(model.Graph.Initializers.Count, again.Graph.Initializers.Count);
    }
}

internal static class ProtoReaderTestExtensions
{
    public static int ReadBytesAfterKey(this ProtoReader r)
    {
        r.TryReadKey(out _, out _);
        return r.ReadBytes().Length;
    }
}
