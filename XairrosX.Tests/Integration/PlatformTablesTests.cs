using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using XairrosX.Tests.FileSystem.Fat;
using Xunit;

namespace XairrosX.Tests.Integration;

/// <summary>
/// A PCI Express machine (QEMU q35) with two NUMA nodes and a virtio disk: the kernel finds the MCFG's ECAM window,
/// the SRAT's nodes, and the devices' MSI/MSI-X capabilities.
/// </summary>
[Collection("qemu")]
public class PlatformTablesTests
{
    [Fact]
    public async Task Q35WithTwoNumaNodesShowsEcamNodesAndMsiCapabilities()
    {
        string image = Path.Combine(FatTools.TempDirectory("q35"), "disk.img");
        FatTools.MakeFat(image, 16 * 1024, 16, sectorsPerCluster: 4);
        BootTranscript t = await QemuSession.RunAsync("acpi\nlspci\nshutdown\n", timeoutSeconds: 180, memory: "512M",
            disks: [new QemuDisk(image, QemuDiskInterface.Virtio)],
            extraArguments: ["-machine", "q35", "-smp", "2",
                "-object", "memory-backend-ram,id=m0,size=256M", "-object", "memory-backend-ram,id=m1,size=256M",
                "-numa", "node,nodeid=0,cpus=0,memdev=m0", "-numa", "node,nodeid=1,cpus=1,memdev=m1"]);
        Assert.Matches(new Regex(@"^  pcie ecam: segment 0, buses 0-255 at 0x[0-9a-f]+\r?$", RegexOptions.Multiline), t.Text);
        Assert.Matches(new Regex(@"^  numa node 0: cpus 0, memory 25[56] MiB\r?$", RegexOptions.Multiline), t.Text);
        Assert.Matches(new Regex(@"^  numa node 1: cpus 1, memory 256 MiB\r?$", RegexOptions.Multiline), t.Text);
        Assert.Matches(new Regex(@"\[0100\]: 1af4:1001 .*caps: msi-x \d+ vectors", RegexOptions.Multiline), t.Text);
        Assert.Matches(new Regex(@"^disk: vda: Fat16", RegexOptions.Multiline), t.Text);
        Assert.Equal(0, t.ExitCode);
    }
}
