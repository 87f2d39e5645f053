using System;
using System.Collections.Generic;
using System.IO;
using XairrosX.AI.Onnx;
using XairrosX.AI.Service;
using XairrosX.AI.Tensors;

namespace XairrosX.Kernel.SelfTests.Cases;

/// <summary>The AI library in the kernel: the MNIST model of the initrd (packed from ../shared/vectors at build
/// time) loaded through System.IO and run by a ModelService, checked against its reference outputs.</summary>
internal static class AiCases
{
    private const string ModelDirectory = "/models/mnist";
    private static readonly int[] s_expectedDigits = [2, 0, 9];

    public static IEnumerable<SelfTestCase> All() =>
    [
        new("ai.mnist_reference_outputs", t =>
        {
            if (!ModelPresent(t)) return;
            using var service = new ModelService();
            service.Load("mnist", File.ReadAllBytes(ModelDirectory + "/model.onnx"));
            for (int set = 0; set < s_expectedDigits.Length; set++)
            {
                string dir = $"{ModelDirectory}/test_data_set_{set}";
                using Tensor input = OnnxTensorProto.Parse(File.ReadAllBytes(dir + "/input_0.pb")).ToTensor();
                using Tensor expected = OnnxTensorProto.Parse(File.ReadAllBytes(dir + "/output_0.pb")).ToTensor();
                Tensor[] outputs = service.Run("mnist", [input]);
                Tensor output = outputs[0];
                t.Equal(expected.ElementCount, output.ElementCount, $"set {set}: output size");
                int best = 0;
                for (int i = 0; i < output.ElementCount && i < expected.ElementCount; i++)
                {
                    double got = output.GetAsDouble(i), want = expected.GetAsDouble(i);
                    t.Near(want, got, 1e-3 + 1e-4 * Math.Abs(want), $"set {set}: value {i}");
                    if (got > output.GetAsDouble(best)) best = i;
                }
                t.Equal(s_expectedDigits[set], best, $"set {set}: argmax");
                foreach (Tensor o in outputs) o.Dispose();
            }
        }),
        new("ai.service_errors", t =>
        {
            using var service = new ModelService();
            t.Throws<ModelServiceException>(() => service.Run("absent", []), "unknown model");
            t.Throws<ModelServiceException>(() => service.Load("junk", File.ReadAllBytes("/README")), "a text file is not a model");
            t.Equal(0, service.Names.Count, "nothing loaded after failures");
        }),
    ];

    // The model comes from ../shared/vectors at build time; without it the case fails and says so.
    private static bool ModelPresent(SelfTests.TestContext t)
    {
        if (File.Exists(ModelDirectory + "/model.onnx")) return true;
        t.True(false, $"no {ModelDirectory}/model.onnx in the initrd: the build did not find ../shared/vectors/alrevuelta__cONNXr/test/mnist beside the repository");
        return false;
    }
}
