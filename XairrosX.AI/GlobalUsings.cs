// ImplicitUsings is off solution-wide; these are the namespaces every file of the library uses.
global using System;
global using System.Collections.Generic;
