using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("XairrosX.Tests")]
[assembly: InternalsVisibleTo("XairrosX.Benchmarks")]
