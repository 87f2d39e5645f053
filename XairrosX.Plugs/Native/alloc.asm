; Allocation fast paths: bump the shared allocation context, record the object start, store the
; MethodTable (and length). Anything else — region exhausted, bad length, first allocation — jumps to
; the C# slow paths (ManagedHeap via Exports/Allocation.cs), which refill the region, may collect, and
; throw OverflowException / OutOfMemoryException. A tail jump, so the slow path's caller is the
; managed code and exceptions unwind straight into it. Region memory is zeroed before it is handed out.
;
; Exports:
;   RhpNewFast(MethodTable*), RhpNewFinalizable(MethodTable*)             -> object
;   RhpNewArrayFast, RhpNewPtrArrayFast, RhNewString (MethodTable*, length) -> array / string
;   xx_alloc_context, xx_alloc_context_address()                           the context (layout below)
; RhpNewFinalizable is RhpNewFast: finalizers are never run (XairrosX.Plugs/README.md), so a finalizable
; object is allocated, and freed when it dies, like any other.
;
; Context layout (keep in sync with XairrosX.Plugs/Memory/AllocationContext.cs):
;   +0 cursor, +8 limit, +16 segment start, +24 segment start map,
;   +32 bytes allocated since boot, +40 objects allocated since boot, +48 bytes since the last collection

bits 64
default rel

extern xx_alloc_object_slow
extern xx_alloc_array_slow

%define MAX_ARRAY_LENGTH 0x7FFFFFC7

section .data
align 64
global xx_alloc_context
xx_alloc_context:
    times 8 dq 0

section .text.nopreempt progbits alloc exec nowrite align=16

global xx_alloc_context_address
xx_alloc_context_address:
    lea rax, [xx_alloc_context]
    ret

; rax = size in bytes: rdx = the block, or jump to %1 when the region is exhausted; otherwise advance
; the cursor, set the block's start bit and count the allocation.
%macro BUMP 1
    mov rdx, [xx_alloc_context]
    mov rcx, [xx_alloc_context + 8]
    sub rcx, rdx
    cmp rcx, rax
    jb %1
    lea r8, [rdx + rax]
    mov [xx_alloc_context], r8
    mov r8, rdx
    sub r8, [xx_alloc_context + 16]
    shr r8, 3
    mov ecx, r8d
    and ecx, 63
    shr r8, 6
    mov r9, [xx_alloc_context + 24]
    mov r10d, 1
    shl r10, cl
    or [r9 + r8*8], r10
    add [xx_alloc_context + 32], rax
    add [xx_alloc_context + 48], rax
    inc qword [xx_alloc_context + 40]
%endmacro

global RhpNewFast
global RhpNewFinalizable
RhpNewFast:
RhpNewFinalizable:
    mov eax, [rdi + 4]              ; BaseSize (ilc aligns it to 8; rounded anyway, the heap walk relies on it)
    add rax, 7
    and rax, -8
    BUMP .slow
    mov [rdx + 8], rdi
    lea rax, [rdx + 8]
    ret
.slow:
    jmp xx_alloc_object_slow

global RhpNewArrayFast
global RhpNewPtrArrayFast
global RhNewString
RhpNewArrayFast:
RhpNewPtrArrayFast:
RhNewString:
    cmp rsi, MAX_ARRAY_LENGTH
    ja .slow                        ; negative lengths are huge unsigned
    movzx eax, word [rdi]           ; component size (arrays and strings always have one)
    imul rax, rsi
    mov ecx, [rdi + 4]
    add rax, rcx
    add rax, 7
    and rax, -8
    BUMP .slow
    mov [rdx + 8], rdi
    mov [rdx + 16], esi
    lea rax, [rdx + 8]
    ret
.slow:
    jmp xx_alloc_array_slow
