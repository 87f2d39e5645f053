#!/usr/bin/env bash
# Measures the foundation figures recorded in docs/benchmarks.md:
#   clean and incremental build time of the ISO, ISO size, QEMU start -> shell prompt (wall),
#   kernel entry -> prompt in TSC cycles (TCG) and in guest instructions (TCG with -icount shift=0,
#   where one guest instruction advances virtual time by 1 ns).
# Usage: tools/measure-boot.sh [runs]   (default 5 boots per figure)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNS="${1:-5}"
ISO="$ROOT/XairrosX.Kernel/bin/Release/net10.0/xairrosx.iso"
cd "$ROOT"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

rm -rf XairrosX.Kernel/obj XairrosX.Kernel/bin XairrosX.Plugs/obj XairrosX.Drivers/obj
start=$(date +%s.%N); dotnet build XairrosX.Kernel -c Release -nologo -v:q >/dev/null; end=$(date +%s.%N)
echo "clean build (restore done): $(echo "$end - $start" | bc) s"
echo "// measure-boot.sh incremental marker" >> XairrosX.Kernel/Shell/ShellHost.cs
start=$(date +%s.%N); dotnet build XairrosX.Kernel -c Release -nologo -v:q >/dev/null; end=$(date +%s.%N)
echo "incremental build after a one-line change: $(echo "$end - $start" | bc) s"
start=$(date +%s.%N); dotnet build XairrosX.Kernel -c Release -nologo -v:q >/dev/null; end=$(date +%s.%N)
echo "no-change build: $(echo "$end - $start" | bc) s"
sed -i '/measure-boot.sh incremental marker/d' XairrosX.Kernel/Shell/ShellHost.cs
dotnet build XairrosX.Kernel -c Release -nologo -v:q >/dev/null
echo "ISO size: $(stat -c %s "$ISO") bytes; kernel.elf: $(stat -c %s "$(dirname "$ISO")/kernel.elf") bytes"

QEMU=(qemu-system-x86_64 -accel tcg -cpu max -m 256M -cdrom "$ISO" -boot d -display none -no-reboot -serial stdio)
walls=(); cycles=()
for _ in $(seq "$RUNS"); do
    log=$(mktemp)
    start=$(date +%s.%N)
    ( sleep 0; printf '' ) | "${QEMU[@]}" >"$log" 2>&1 &
    pid=$!
    until grep -q "xairrosx> " "$log" 2>/dev/null; do sleep 0.01; done
    end=$(date +%s.%N)
    kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
    walls+=("$(echo "$end - $start" | bc)")
    out=$(printf 'uptime\nshutdown\n' | "${QEMU[@]}" 2>&1 | tr -d '\r')
    cycles+=("$(grep -oE 'first prompt [0-9]+' <<<"$out" | grep -oE '[0-9]+')")
    rm -f "$log"
done
echo "QEMU start -> prompt (wall, TCG, median of $RUNS): $(printf '%s\n' "${walls[@]}" | median) s"
echo "kernel entry -> prompt (TSC cycles, TCG, median of $RUNS): $(printf '%s\n' "${cycles[@]}" | median)"
out=$(printf 'uptime\nshutdown\n' | "${QEMU[@]}" -icount shift=0,sleep=off 2>&1 | tr -d '\r')
echo "kernel entry -> prompt (guest instructions, TCG -icount shift=0): $(grep -oE 'first prompt [0-9]+' <<<"$out" | grep -oE '[0-9]+')"
if [ -w /dev/kvm ]; then
    out=$(printf 'uptime\nshutdown\n' | timeout 20 qemu-system-x86_64 -accel kvm -cpu host -m 256M -cdrom "$ISO" -boot d -display none -no-reboot -serial stdio 2>&1 | tr -d '\r' || true)
    k=$(grep -oE 'first prompt [0-9]+' <<<"$out" | grep -oE '[0-9]+' || true)
    echo "kernel entry -> prompt (TSC cycles, KVM): ${k:-did not boot under KVM on this host}"
fi
