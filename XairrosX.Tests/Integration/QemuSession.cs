using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace XairrosX.Tests.Integration;

/// <summary>The outcome of one boot: what the serial console printed and how QEMU exited.</summary>
public sealed record BootTranscript(string Output, int ExitCode, bool TimedOut)
{
    /// <summary>Serial output with carriage returns removed.</summary>
    public string Text => Output.Replace("\r", "");
}

/// <summary>How an extra disk image is attached.</summary>
public enum QemuDiskInterface
{
    /// <summary>A virtio-blk PCI device (transitional: the kernel drives its legacy interface).</summary>
    Virtio,
    /// <summary>A disk on the PIIX IDE controller (the next free position; the CD-ROM is secondary master).</summary>
    Ide,
}

/// <summary>A raw disk image to attach to the VM.</summary>
/// <param name="Path">Image file (raw format); the guest's writes land in it.</param>
/// <param name="Interface">How it is attached.</param>
public sealed record QemuDisk(string Path, QemuDiskInterface Interface);

/// <summary>A QEMU monitor <c>screendump</c> (PPM) taken once the serial output shows <paramref name="After"/>
/// followed by the next prompt, before end of input is sent.</summary>
/// <param name="Path">Where QEMU writes the PPM file.</param>
/// <param name="After">Text in the serial output that the screen must already show.</param>
public sealed record ScreenCapture(string Path, string After);

/// <summary>
/// Boots the real ISO under QEMU (software emulation, the way CI runs it), feeds lines to the kernel
/// shell over the serial console and collects the transcript. Ctrl-D after the script ends the input,
/// as the run command does.
/// </summary>
public static class QemuSession
{
    /// <summary>The ISO built by ./xairrosx (XAIRROSX_ISO overrides).</summary>
    public static string IsoPath
    {
        get
        {
            string? env = Environment.GetEnvironmentVariable("XAIRROSX_ISO");
            if (!string.IsNullOrEmpty(env)) return env;
            // This repository's own Release ISO: walk up from the test binaries to the folder with XairrosX.sln.
            for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "XairrosX.sln")))
                    return Path.Combine(dir.FullName, "XairrosX.Kernel", "bin", "Release", "net10.0", "xairrosx.iso");
            return Path.Combine(AppContext.BaseDirectory, "xairrosx.iso");
        }
    }

    // The QEMU monitor (human protocol) over a Unix socket: one command per line, paced so that the guest
    // keyboard controller drains each key before the next.
    private static async Task SendMonitorCommandsAsync(string socketPath, string[] commands)
    {
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        await socket.ConnectAsync(new System.Net.Sockets.UnixDomainSocketEndPoint(socketPath));
        foreach (string command in commands)
        {
            await socket.SendAsync(Encoding.ASCII.GetBytes(command + "\n"));
            await Task.Delay(150);
        }
    }

    // Waits for the marker and the prompt after it (the kernel renders the screen while it waits for input),
    // then asks the monitor for a screendump and waits until QEMU has written the whole file.
    private static async Task CaptureScreenAsync(Process qemu, StringBuilder output, string monitorSocket, ScreenCapture capture, DateTime deadline)
    {
        while (DateTime.UtcNow < deadline && !qemu.HasExited)
        {
            string text;
            lock (output) text = output.ToString();
            int marker = text.IndexOf(capture.After, StringComparison.Ordinal);
            if (marker >= 0 && text.IndexOf("xairrosx> ", marker, StringComparison.Ordinal) >= 0) break;
            await Task.Delay(100);
        }
        await Task.Delay(1000);
        File.Delete(capture.Path);
        await SendMonitorCommandsAsync(monitorSocket, [$"screendump {capture.Path}"]);
        long lastSize = -1;
        while (DateTime.UtcNow < deadline && !qemu.HasExited)
        {
            long size = File.Exists(capture.Path) ? new FileInfo(capture.Path).Length : -1;
            if (size > 0 && size == lastSize) return;
            lastSize = size;
            await Task.Delay(250);
        }
    }

    /// <summary>Boots, types <paramref name="script"/> (newline-separated), waits for QEMU to exit.</summary>
    /// <param name="script">Lines typed into the shell.</param>
    /// <param name="timeoutSeconds">Limit for the whole boot.</param>
    /// <param name="endInput">Send Ctrl-D after the script (end of input).</param>
    /// <param name="memory">Guest RAM.</param>
    /// <param name="firmware">A firmware image for -bios (OVMF for UEFI); null for QEMU's SeaBIOS.</param>
    /// <param name="waitForPrompt">Type only once the shell prompt is up (UEFI firmware reads the serial
    /// console while it runs, and would eat early input).</param>
    /// <param name="monitorCommands">QEMU monitor commands (e.g. sendkey) sent once the prompt is up, before the script.</param>
    /// <param name="disks">Raw disk images to attach, in order (virtio ones become vda, vdb …).</param>
    /// <param name="capture">A screendump to take after the script has run (needs the monitor, which it opens).</param>
    /// <param name="extraArguments">More QEMU arguments (a machine type, NUMA nodes …).</param>
    /// <param name="killWhen">When the output first matches this (multiline) pattern, the VM is killed on the spot —
    /// a power cut, no shutdown — and the transcript ends there (exit code -1, not a timeout).</param>
    public static async Task<BootTranscript> RunAsync(string script, int timeoutSeconds = 180, bool endInput = true,
        string memory = "256M", string? firmware = null, bool waitForPrompt = false, string[]? monitorCommands = null,
        IReadOnlyList<QemuDisk>? disks = null, ScreenCapture? capture = null, string? killWhen = null, string[]? extraArguments = null)
    {
        string iso = IsoPath;
        if (!File.Exists(iso)) throw new FileNotFoundException($"no kernel ISO at {iso}: run ./xairrosx build (or ./xairrosx test)");
        var psi = new ProcessStartInfo("qemu-system-x86_64")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in new[] { "-accel", "tcg", "-cpu", "max", "-m", memory, "-cdrom", iso, "-boot", "d", "-no-reboot",
                     "-display", "none", "-serial", "stdio", "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04" })
            psi.ArgumentList.Add(a);
        if (firmware != null) { psi.ArgumentList.Add("-bios"); psi.ArgumentList.Add(firmware); }
        for (int i = 0; disks != null && i < disks.Count; i++)
        {
            // QEMU's option syntax doubles commas inside values.
            string file = disks[i].Path.Replace(",", ",,");
            psi.ArgumentList.Add("-drive");
            if (disks[i].Interface == QemuDiskInterface.Ide) psi.ArgumentList.Add($"file={file},format=raw,if=ide");
            else
            {
                psi.ArgumentList.Add($"file={file},format=raw,if=none,id=disk{i}");
                psi.ArgumentList.Add("-device");
                psi.ArgumentList.Add($"virtio-blk-pci,drive=disk{i}");
            }
        }
        foreach (string a in extraArguments ?? []) psi.ArgumentList.Add(a);
        if (capture != null) { psi.ArgumentList.Add("-vga"); psi.ArgumentList.Add("std"); } // QEMU's default, said explicitly: the screen is checked
        string? monitorSocket = null;
        if (monitorCommands != null || capture != null)
        {
            monitorSocket = Path.Combine(Path.GetTempPath(), $"xairrosx-monitor-{Guid.NewGuid():N}.sock");
            psi.ArgumentList.Add("-monitor");
            psi.ArgumentList.Add($"unix:{monitorSocket},server,nowait");
            waitForPrompt = true;
        }
        using var qemu = Process.Start(psi) ?? throw new InvalidOperationException("qemu-system-x86_64 did not start");
        var output = new StringBuilder();
        Task pump = Task.Run(async () =>
        {
            char[] buffer = new char[4096];
            int n;
            while ((n = await qemu.StandardOutput.ReadAsync(buffer)) > 0) lock (output) output.Append(buffer, 0, n);
        });
        Task<string> errors = qemu.StandardError.ReadToEndAsync();
        var promptDeadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (waitForPrompt && DateTime.UtcNow < promptDeadline && !qemu.HasExited)
        {
            lock (output) if (output.ToString().Contains("xairrosx> ")) break;
            await Task.Delay(50);
        }
        if (monitorSocket != null && monitorCommands != null) await SendMonitorCommandsAsync(monitorSocket, monitorCommands);
        try
        {
            await qemu.StandardInput.WriteAsync(script.Replace("\r\n", "\n"));
            await qemu.StandardInput.FlushAsync();
            if (capture != null && monitorSocket != null) await CaptureScreenAsync(qemu, output, monitorSocket, capture, promptDeadline);
            if (killWhen != null)
            {
                var pattern = new System.Text.RegularExpressions.Regex(killWhen, System.Text.RegularExpressions.RegexOptions.Multiline);
                while (DateTime.UtcNow < promptDeadline && !qemu.HasExited)
                {
                    lock (output) if (pattern.IsMatch(output.ToString())) break;
                    await Task.Delay(20);
                }
                if (!qemu.HasExited && DateTime.UtcNow < promptDeadline)
                {
                    qemu.Kill(entireProcessTree: true);
                    await qemu.WaitForExitAsync();
                    await pump;
                    lock (output) return new BootTranscript(output.ToString(), -1, false);
                }
            }
            if (endInput) await qemu.StandardInput.WriteAsync('\u0004');
            await qemu.StandardInput.FlushAsync();
        }
        catch (IOException) { /* the VM may already have powered off */ }
        bool exited = await Task.Run(() => qemu.WaitForExit(timeoutSeconds * 1000));
        if (!exited) qemu.Kill(entireProcessTree: true);
        await qemu.WaitForExitAsync();
        await pump;
        string stderr = await errors;
        lock (output)
        {
            if (stderr.Length > 0) output.Append("\n[qemu stderr] ").Append(stderr);
            return new BootTranscript(output.ToString(), exited ? qemu.ExitCode : -1, !exited);
        }
    }
}
