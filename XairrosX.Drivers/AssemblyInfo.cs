using System.Runtime.CompilerServices;

[assembly: DisableRuntimeMarshalling]
[assembly: InternalsVisibleTo("XairrosX.Tests")]
[assembly: InternalsVisibleTo("XairrosX.Plugs")]
[assembly: InternalsVisibleTo("XairrosX.Kernel")]
