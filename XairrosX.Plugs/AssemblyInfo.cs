using System.Runtime.CompilerServices;

[assembly: DisableRuntimeMarshalling]
[assembly: InternalsVisibleTo("XairrosX.Tests")]
[assembly: InternalsVisibleTo("XairrosX.Benchmarks")]
[assembly: InternalsVisibleTo("XairrosX.Kernel")]
