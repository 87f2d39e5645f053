; Thread switching for the scheduler (XairrosX.Plugs/Threading).
;
;   void xx_context_switch(nint* saveRsp, nint nextRsp)
;       Saves the System V callee-saved registers on the current stack, stores the stack pointer in
;       *saveRsp, loads nextRsp and pops the next thread's registers. Called with interrupts off. Vector
;       registers are caller-saved in the ABI, so a voluntary switch needs none of them; a preempted thread's
;       full vector state was saved by the interrupt entry (XSAVE in isr_common) on its own stack.
;   xx_thread_start
;       Where a new thread's first switch "returns" to: r12 = its KernelThread*, r13 = the C# entry.
;   void xx_nopreempt_range(ulong* start, ulong* end)
;       Bounds of .text.nopreempt: assembly sequences that a timer interrupt must not switch away from
;       (allocation fast paths and interface-dispatch stubs read-modify-write shared state).

bits 64
default rel

section .text

global xx_context_switch
xx_context_switch:
    push rbp
    push rbx
    push r12
    push r13
    push r14
    push r15
    mov [rdi], rsp
    mov rsp, rsi
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    pop rbp
    ret

global xx_thread_start
xx_thread_start:
    xor ebp, ebp                ; ends stack walks here
    mov rdi, r12
    and rsp, -16
    call r13                    ; never returns: the thread exits through the scheduler
    ud2

global xx_thread_start_address
xx_thread_start_address:
    lea rax, [rel xx_thread_start]
    ret

extern ThreadEntryPoint
global xx_corelib_thread_entry_point
xx_corelib_thread_entry_point:
    lea rax, [rel ThreadEntryPoint]
    ret

extern __nopreempt_start
extern __nopreempt_end
global xx_nopreempt_range
xx_nopreempt_range:
    lea rax, [rel __nopreempt_start]
    mov [rdi], rax
    lea rax, [rel __nopreempt_end]
    mov [rsi], rax
    ret
