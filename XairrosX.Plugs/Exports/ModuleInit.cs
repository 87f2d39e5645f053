using System.Runtime.InteropServices;
using XairrosX.Plugs.Memory;

namespace XairrosX.Plugs.Exports;

/// <summary>
/// Module registration for CoreLib's start-up (StartupCodeHelpers.InitializeModules):
/// RhpRegisterOsModule, RhpCreateTypeManager, RhpGetModuleSection, RhGetOSModuleFromPointer,
/// RhGetModuleFileName, RhpGetClasslibFunctionFromCodeAddress, RhpGetClasslibFunctionFromEEType,
/// RhFindMethodStartAddress, RhRegisterFrozenSegment, RhUpdateFrozenSegment.
/// The kernel is one image with one module, so there is exactly one type manager.
/// </summary>
internal static unsafe class ModuleInit
{
    // ReadyToRunHeader (ModuleHeaders.h): 'RTR' signature, versions, flags, then the section rows.
    [StructLayout(LayoutKind.Sequential)]
    internal struct ReadyToRunHeader
    {
        public uint Signature;
        public ushort MajorVersion;
        public ushort MinorVersion;
        public uint Flags;
        public ushort NumberOfSections;
        public byte EntrySize;
        public byte EntryType;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ModuleInfoRow
    {
        public int SectionId;
        public int Flags;
        public byte* Start;
        public byte* End;
    }

    // CoreLib reads the first fields through TypeManagerHandle (OsModuleBase first, then the header):
    // keep that order; the rest is ours.
    [StructLayout(LayoutKind.Sequential)]
    internal struct TypeManager
    {
        public nint OsModule;
        public ReadyToRunHeader* Header;
        public void* DispatchMapTable;
        public void** ClasslibFunctions;
        public int ClasslibFunctionCount;
    }

    private const uint ReadyToRunSignature = 0x00525452;
    private const int HasEndPointerFlag = 1;
    private static nint s_osModule;
    private static TypeManager* s_typeManager;

    /// <summary>The kernel's one type manager (null before start-up).</summary>
    internal static TypeManager* KernelTypeManager => s_typeManager;

    [UnmanagedCallersOnly(EntryPoint = "RhpRegisterOsModule")]
    private static nint RegisterOsModule(nint osModule) => s_osModule = osModule;

    [UnmanagedCallersOnly(EntryPoint = "RhpCreateTypeManager")]
    private static TypeManager* CreateTypeManager(nint osModule, ReadyToRunHeader* header, void** classlibFunctions, int count)
    {
        if (header->Signature != ReadyToRunSignature)
            XairrosX.Drivers.Diagnostics.Panic.Fatal("module header has no ReadyToRun signature");
        var tm = (TypeManager*)PageAllocator.AllocatePagesOrPanic((nuint)sizeof(TypeManager));
        tm->Header = header;
        tm->OsModule = osModule;
        tm->ClasslibFunctions = classlibFunctions;
        tm->ClasslibFunctionCount = count;
        s_typeManager = tm;
        return tm;
    }

    [UnmanagedCallersOnly(EntryPoint = "RhpGetModuleSection")]
    private static void* GetModuleSection(TypeManager** handle, int sectionId, int* length) => FindSection(*handle, sectionId, length);

    /// <summary>Finds a section of the module by its ReadyToRunSectionType id.</summary>
    internal static void* FindSection(TypeManager* tm, int sectionId, int* length)
    {
        ReadyToRunHeader* header = tm->Header;
        var rows = (ModuleInfoRow*)(header + 1);
        for (int i = 0; i < header->NumberOfSections; i++)
        {
            ModuleInfoRow* row = (ModuleInfoRow*)((byte*)rows + i * header->EntrySize);
            if (row->SectionId != sectionId) continue;
            *length = (row->Flags & HasEndPointerFlag) != 0 ? (int)(row->End - row->Start) : sizeof(void*);
            return row->Start;
        }
        *length = 0;
        return null;
    }

    [UnmanagedCallersOnly(EntryPoint = "RhGetOSModuleFromPointer")]
    private static nint GetOsModuleFromPointer(void* pointer) => s_osModule;

    private static byte* s_moduleName;

    // The image's name as the boot loader knows it, in UTF-8 as on Unix (CoreLib builds stack-trace lines from it).
    [UnmanagedCallersOnly(EntryPoint = "RhGetModuleFileName")]
    private static int GetModuleFileName(nint osModule, byte** name)
    {
        const string fileName = "/boot/kernel.elf";
        if (s_moduleName == null)
        {
            s_moduleName = (byte*)NativeHeap.Allocate((nuint)(fileName.Length + 1));
            for (int i = 0; i < fileName.Length; i++) s_moduleName[i] = (byte)fileName[i];
            s_moduleName[fileName.Length] = 0;
        }
        *name = s_moduleName;
        return fileName.Length;
    }

    [UnmanagedCallersOnly(EntryPoint = "RhpGetClasslibFunctionFromCodeAddress")]
    private static void* GetClasslibFunctionFromCodeAddress(void* address, int functionId) => ClasslibFunction(functionId);

    [UnmanagedCallersOnly(EntryPoint = "RhpGetClasslibFunctionFromEEType")]
    private static void* GetClasslibFunctionFromEEType(void* type, int functionId) => ClasslibFunction(functionId);

    /// <summary>One of CoreLib's classlib functions (GetRuntimeException, FailFast, …) by id.</summary>
    internal static void* ClasslibFunction(int functionId)
    {
        TypeManager* tm = s_typeManager;
        if (tm == null || (uint)functionId >= (uint)tm->ClasslibFunctionCount) return null;
        return tm->ClasslibFunctions[functionId];
    }

    [UnmanagedCallersOnly(EntryPoint = "RhFindMethodStartAddress")]
    private static void* FindMethodStartAddress(void* codeAddress) => Exceptions.Unwinder.FindFunctionStart(codeAddress);

    // Frozen segments hold objects ilc preinitialized in the image: never moved, never freed.
    [UnmanagedCallersOnly(EntryPoint = "RhRegisterFrozenSegment")]
    private static nint RegisterFrozenSegment(void* start, nuint allocSize, nuint commitSize, nuint reservedSize) => (nint)start;

    [UnmanagedCallersOnly(EntryPoint = "RhUpdateFrozenSegment")]
    private static void UpdateFrozenSegment(nint segment, void* allocated, void* committed) { }
}
