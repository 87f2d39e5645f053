using System.Runtime.CompilerServices;

[assembly: DisableRuntimeMarshalling]
[assembly: InternalsVisibleTo("XairrosX.Tests")]
