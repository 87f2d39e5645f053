#!/usr/bin/env python3
"""Measures the true error of XairrosX's libm in ulps against mpmath (the test reference).

Input (stdin or file): lines "name xbits ybits resultbits" with 16-hex-digit IEEE-754 bit patterns
(ybits is 0 for unary functions). Output: one line per function:
    name max_ulp_error worst_x_bits worst_y_bits not_correctly_rounded samples
The error is |result - f(x)| divided by the ulp of the correctly rounded f(x), exact to ~2^-100.
Requires mpmath (Debian: python3-mpmath).
"""
import struct
import sys
from mpmath import mp, mpf, sin, cos, tan, asin, acos, atan, atan2, exp, expm1, log, log1p, cbrt, sinh, cosh, tanh, asinh, acosh, atanh, power, floor

FUNCS = {
    'sin': sin, 'cos': cos, 'tan': tan, 'asin': asin, 'acos': acos, 'atan': atan,
    'atan2': lambda y, x: atan2(y, x), 'exp': exp, 'exp2': lambda x: power(2, x), 'expm1': expm1,
    'log': log, 'log2': lambda x: log(x, 2), 'log10': lambda x: log(x, 10), 'log1p': log1p,
    'pow': lambda x, y: pow_via_log(x, y), 'cbrt': lambda x: cbrt(x) if x >= 0 else -cbrt(-x),
    'sinh': sinh, 'cosh': cosh, 'tanh': tanh, 'asinh': asinh, 'acosh': acosh, 'atanh': atanh,
}
BINARY = {'atan2', 'pow'}


def pow_via_log(x, y):
    # mpmath's power() goes exact for integral y (hopeless for y = 1e300); exp(y log|x|) at 200 bits
    # is accurate to ~2^-190 relative because |y log|x|| < 2^10 for every finite result.
    if y == 0 or x == 1:
        return mpf(1)
    if x == 0:
        return mpf(0) if y > 0 else mpf('inf')
    sign = -1 if (x < 0 and int(y) % 2 == 1) else 1
    z = y * log(abs(x))
    if abs(z) > 2000:  # far outside the double range: mpmath's exp would crawl through a huge exponent
        return sign * mpf(2) ** (-1200 if z < 0 else 1200)
    return sign * exp(z)


def d(h):
    return struct.unpack('<d', struct.pack('<Q', int(h, 16)))[0]


def ulp_of(v):
    """ulp of a real v in binary64 (the spacing at |v|, subnormal spacing below 2^-1022)."""
    if v == 0:
        return mpf(2) ** -1074
    e = int(floor(log(abs(v), 2)))
    # floor(log2) can be off by one at exact powers of two; fix by comparison.
    while mpf(2) ** e > abs(v):
        e -= 1
    while mpf(2) ** (e + 1) <= abs(v):
        e += 1
    return mpf(2) ** (max(e, -1022) - 52)


MAX = mpf(struct.unpack('<d', bytes.fromhex('ffffffffffffef7f'))[0])


def error(name, x, y, r):
    xe = int(floor(log(abs(x), 2))) if x not in (0.0,) and abs(x) != float('inf') and x == x else 0
    mp.prec = max(200, xe + 200) if name in ('sin', 'cos', 'tan') else 200
    f = FUNCS[name]
    t = f(mpf(x), mpf(y)) if name in BINARY else f(mpf(x))
    if abs(t) > MAX * (1 + mpf(2) ** -54):  # overflows to inf after rounding
        return 0.0 if r == float('inf') * (1 if t > 0 else -1) else float('inf')
    if r in (float('inf'), float('-inf')) or r != r:
        return float('inf')
    return float(abs(mpf(r) - t) / ulp_of(t))


def main():
    stats = {}
    src = open(sys.argv[1]) if len(sys.argv) > 1 else sys.stdin
    for line in src:
        name, xb, yb, rb = line.split()
        x, y, r = d(xb), d(yb), d(rb)
        e = error(name, x, y, r)
        s = stats.setdefault(name, [0.0, xb, yb, 0, 0])
        s[4] += 1
        if e > 0.5:
            s[3] += 1
        if e > s[0]:
            s[0], s[1], s[2] = e, xb, yb
    for name, (e, xb, yb, bad, n) in sorted(stats.items()):
        print(f"{name} {e:.4f} {xb} {yb} {bad} {n}")


if __name__ == '__main__':
    main()
