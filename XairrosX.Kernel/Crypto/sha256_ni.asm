; SHA-256 block compression with the x86 SHA extensions (SHA-NI), System V ABI.
;
;   void xx_sha256_ni_blocks(uint32_t state[8], const uint8_t* blocks, size_t blockCount)
;       state: the eight working words a..h, native-endian (the layout of the C# Sha256Compression state)
;       blocks: blockCount * 64 bytes of message, as they appear in the message (big-endian words)
;   void* xx_sha256_ni_address(void)
;       the address of xx_sha256_ni_blocks, for C#'s `delegate* unmanaged` hook (DllImport cannot take an address)
;
; Requires SHA (CPUID.7.0:EBX[29]), SSSE3, SSE4.1 and AVX (for vzeroupper). The caller checks CPUID.
; Position-independent (RIP-relative data only), so the host tests can assemble the same file into a
; shared object and compare it with the C# scalar code.
;
; Register use: xmm1 = state words {A,B,E,F} (dword 3..0 = A,B,E,F), xmm2 = {C,D,G,H}, the layout that
; sha256rnds2 takes; xmm3..xmm6 = the last sixteen message words, four per register (W[i] in dword i%4);
; xmm0 = W+K for the next two rounds (implicit sha256rnds2 operand); xmm7 = byte-swap mask;
; xmm8 = scratch; xmm9/xmm10 = state at the start of the block (added back at the end: Davies-Meyer).

bits 64
default rel

section .rodata
align 16
sha256_round_constants:
    dd 0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5
    dd 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174
    dd 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da
    dd 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967
    dd 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85
    dd 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070
    dd 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3
    dd 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
; pshufb mask reversing the bytes of each dword: message words are big-endian.
sha256_word_byteswap:
    db 3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12

section .text

%define ABEF xmm1
%define CDGH xmm2

; Four rounds with the message words in %1, round group %2 (0..15).
%macro FOUR_ROUNDS 2
    movdqa xmm0, %1
    paddd xmm0, [sha256_round_constants + 16 * (%2)]
    sha256rnds2 CDGH, ABEF          ; two rounds: CDGH now holds the new {A,B,E,F}
    pshufd xmm0, xmm0, 0x0E         ; W+K of the other two rounds into the low half
    sha256rnds2 ABEF, CDGH          ; two more: the roles are back where they started
%endmacro

; Next four message words into %1, which holds W[t-16..t-13]; %2 = W[t-12..t-9], %3 = W[t-8..t-5],
; %4 = W[t-4..t-1]:  W[t] = W[t-16] + s0(W[t-15]) + W[t-7] + s1(W[t-2]).
%macro SCHEDULE 4
    sha256msg1 %1, %2               ; W[t-16] + s0(W[t-15]) for four t
    movdqa xmm8, %4
    palignr xmm8, %3, 4             ; W[t-7] for the same four t
    paddd %1, xmm8
    sha256msg2 %1, %4               ; + s1(W[t-2]), including the words computed in this step
%endmacro

global xx_sha256_ni_blocks
xx_sha256_ni_blocks:
    test rdx, rdx
    jz .done
    vzeroupper                      ; legacy-SSE code after AVX code: avoid the dirty-upper-state penalty

    ; state words a,b,c,d / e,f,g,h -> {A,B,E,F} / {C,D,G,H}
    movdqu ABEF, [rdi]              ; dwords 0..3 = a b c d
    movdqu CDGH, [rdi + 16]         ; dwords 0..3 = e f g h
    pshufd ABEF, ABEF, 0xB1         ; b a d c
    pshufd CDGH, CDGH, 0x1B         ; h g f e
    movdqa xmm8, ABEF
    palignr ABEF, CDGH, 8           ; f e b a  = {A,B,E,F}
    pblendw CDGH, xmm8, 0xF0        ; h g d c  = {C,D,G,H}
    movdqa xmm7, [sha256_word_byteswap]

.block:
    movdqa xmm9, ABEF
    movdqa xmm10, CDGH

    movdqu xmm3, [rsi]
    pshufb xmm3, xmm7
    FOUR_ROUNDS xmm3, 0
    movdqu xmm4, [rsi + 16]
    pshufb xmm4, xmm7
    FOUR_ROUNDS xmm4, 1
    movdqu xmm5, [rsi + 32]
    pshufb xmm5, xmm7
    FOUR_ROUNDS xmm5, 2
    movdqu xmm6, [rsi + 48]
    pshufb xmm6, xmm7
    FOUR_ROUNDS xmm6, 3

    %assign group 4
    %rep 3
        SCHEDULE xmm3, xmm4, xmm5, xmm6
        FOUR_ROUNDS xmm3, group
        SCHEDULE xmm4, xmm5, xmm6, xmm3
        FOUR_ROUNDS xmm4, group + 1
        SCHEDULE xmm5, xmm6, xmm3, xmm4
        FOUR_ROUNDS xmm5, group + 2
        SCHEDULE xmm6, xmm3, xmm4, xmm5
        FOUR_ROUNDS xmm6, group + 3
        %assign group group + 4
    %endrep

    paddd ABEF, xmm9
    paddd CDGH, xmm10
    add rsi, 64
    dec rdx
    jnz .block

    ; {A,B,E,F} / {C,D,G,H} -> a,b,c,d / e,f,g,h
    pshufd ABEF, ABEF, 0x1B         ; dwords 0..3 = a b e f
    pshufd CDGH, CDGH, 0xB1         ; g h c d
    movdqa xmm8, ABEF
    pblendw ABEF, CDGH, 0xF0        ; a b c d
    palignr CDGH, xmm8, 8           ; e f g h
    movdqu [rdi], ABEF
    movdqu [rdi + 16], CDGH
.done:
    ret

global xx_sha256_ni_address
xx_sha256_ni_address:
    lea rax, [xx_sha256_ni_blocks]
    ret
