; Garbage-collector entry: the collector scans the stack conservatively, so every reference a caller
; may hold only in a callee-saved register must be in memory first.
;
; Exports:
;   xx_gc_collect_with_registers(int reason)   pushes rbx, rbp, r12-r15, then calls the C# collector
;                                              xx_gc_collect_on_stack(reason, rsp) with rsp below them
;   xx_gc_image_data_bounds(nint* low, nint* high)  writable image data to scan: from this file's .data
;                                              marker (asm objects link before the ilc object) to __bss_end

bits 64
default rel

extern xx_gc_collect_on_stack
extern __bss_end

section .data
align 8
gc_data_marker: dq 0

section .text

global xx_gc_collect_with_registers
xx_gc_collect_with_registers:
    push rbp
    mov rbp, rsp
    push rbx
    push r12
    push r13
    push r14
    push r15
    sub rsp, 8                  ; 16-byte alignment for the call
    mov rsi, rsp
    call xx_gc_collect_on_stack
    add rsp, 8
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    pop rbp
    ret

global xx_gc_image_data_bounds
xx_gc_image_data_bounds:
    lea rax, [rel gc_data_marker]
    mov [rdi], rax
    lea rax, [rel __bss_end]
    mov [rsi], rax
    ret
