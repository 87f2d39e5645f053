# Host reference for docs/benchmarks/blk.md: 4 KiB random reads/writes on a disk image, page-cached and O_DIRECT, 1 s each.
# Usage: python3 tools/blk-host-reference.py <image>   (writes zeros over random blocks of the image: use a copy)
import os, mmap, random, time, sys
path = sys.argv[1]; blocks = os.path.getsize(path) // 4096
def run(flags, write):
    fd = os.open(path, flags); buf = mmap.mmap(-1, 4096); r = random.Random(1); n = 0; t0 = time.perf_counter()
    while time.perf_counter() - t0 < 1.0:
        off = r.randrange(blocks) * 4096
        (os.pwritev if write else os.preadv)(fd, [buf], off); n += 1
    dt = time.perf_counter() - t0; os.close(fd)
    return n * 4096 / dt / 1e6, n / dt
for name, flags, write in [("rand read  cached", os.O_RDONLY, False), ("rand read  O_DIRECT", os.O_RDONLY | os.O_DIRECT, False),
                           ("rand write O_DIRECT", os.O_RDWR | os.O_DIRECT, True)]:
    mb, iops = run(flags, write); print(f"{name:22} {mb:8.1f} MB/s {iops:9.0f} IOPS")
