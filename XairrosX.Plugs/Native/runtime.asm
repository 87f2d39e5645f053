; Runtime helpers that cannot be written in C#: they have custom calling conventions, must not
; touch the stack frame layout the JIT expects, or are called before any managed code may run.
;
; Exports (contract of ilc-generated code and of System.Private.CoreLib):
;   write barriers   RhpAssignRef, RhpCheckedAssignRef, RhpByRefAssignRef (custom ABI),
;                    RhpCheckedLockCmpXchg, RhpCheckedXchg
;   memory           memmove, memcpy, memset, RhpGcSafeZeroMemory
;   transitions      RhpPInvoke, RhpPInvokeReturn, RhpReversePInvoke, RhpReversePInvokeReturn,
;                    RhpGcPoll, RhpStackProbe
;   dispatch         RhpInitialDynamicInterfaceDispatch (cell in r11; resolves via CoreLib's RhpCidResolve_Worker)
;   exceptions       RhpThrowEx, RhpRethrow (capture the thrower's context, then C# dispatch)
;   data             g_cpuFeatures, __security_cookie, RhpTrapThreads
;
; The collector (XairrosX.Plugs/Memory) is non-moving and non-generational, so the barriers are plain
; stores; when a card table arrives it is added here and nowhere else.

bits 64
default rel
section .text

global RhpAssignRef
global RhpCheckedAssignRef
RhpAssignRef:
RhpCheckedAssignRef:
    mov [rdi], rsi
    ret

; Custom ABI: copy one reference [rsi] -> [rdi], advance both by 8. Only rcx may be clobbered.
global RhpByRefAssignRef
RhpByRefAssignRef:
    mov rcx, [rsi]
    mov [rdi], rcx
    add rdi, 8
    add rsi, 8
    ret

; RhpCheckedLockCmpXchg(ref location, value, comparand) -> original
global RhpCheckedLockCmpXchg
RhpCheckedLockCmpXchg:
    mov rax, rdx
    lock cmpxchg [rdi], rsi
    ret

; RhpCheckedXchg(ref location, value) -> original
global RhpCheckedXchg
RhpCheckedXchg:
    mov rax, rsi
    xchg [rdi], rax
    ret

; memmove(dst, src, n) -> dst. Overlap-safe.
global memmove
global memcpy
memmove:
memcpy:
    mov rax, rdi
    mov rcx, rdx
    cmp rdi, rsi
    jbe .forward
    lea r8, [rsi + rdx]
    cmp rdi, r8
    jae .forward
    ; backward copy
    lea rsi, [rsi + rdx - 1]
    lea rdi, [rdi + rdx - 1]
    std
    rep movsb
    cld
    ret
.forward:
    rep movsb
    ret

; memset(dst, value, n) -> dst
global memset
memset:
    mov r8, rdi
    mov eax, esi
    mov rcx, rdx
    rep stosb
    mov rax, r8
    ret

; RhpGcSafeZeroMemory(dst, n) -> dst
global RhpGcSafeZeroMemory
RhpGcSafeZeroMemory:
    mov r8, rdi
    xor eax, eax
    mov rcx, rsi
    rep stosb
    mov rax, r8
    ret

; Transitions between managed and native code: every CPU runs managed code in cooperative mode
; and the collector stops the world itself, so these mark nothing.
global RhpPInvoke
global RhpPInvokeReturn
global RhpReversePInvoke
global RhpReversePInvokeReturn
global RhpGcPoll
RhpPInvoke:
RhpPInvokeReturn:
RhpReversePInvoke:
RhpReversePInvokeReturn:
RhpGcPoll:
    ret

; RhpStackProbe(rax = lowest address the frame will touch, r11 = current frame's rsp):
; touch each page between them so that a guard page faults in order.
global RhpStackProbe
RhpStackProbe:
    and rax, -4096
    mov r10, r11
.probe:
    sub r10, 4096
    cmp r10, rax
    jb .done
    test [r10], eax
    jmp .probe
.done:
    ret

; Interface dispatch: r11 = dispatch cell, rdi = this, arguments in the usual registers.
; CoreLib's RhpCidResolve expects a universal-transition block; its worker takes (this, cell) directly,
; which is what this stub has, so the worker is called (managed calling convention = System V here).
%define RhpCidResolveWorker S_P_CoreLib_System_Runtime_CachedInterfaceDispatch__RhpCidResolve_Worker
extern RhpCidResolveWorker
global RhpInitialDynamicInterfaceDispatch
RhpInitialDynamicInterfaceDispatch:
global xx_interface_dispatch_initial_load
xx_interface_dispatch_initial_load:
    mov rax, [rdi]              ; a null receiver faults here, before any push (see HardwareFaults)
    push rbp
    mov rbp, rsp
    push rdi
    push rsi
    push rdx
    push rcx
    push r8
    push r9
    sub rsp, 8*16 + 8
    movdqu [rsp + 0*16], xmm0
    movdqu [rsp + 1*16], xmm1
    movdqu [rsp + 2*16], xmm2
    movdqu [rsp + 3*16], xmm3
    movdqu [rsp + 4*16], xmm4
    movdqu [rsp + 5*16], xmm5
    movdqu [rsp + 6*16], xmm6
    movdqu [rsp + 7*16], xmm7
    mov rsi, r11
    call RhpCidResolveWorker
    movdqu xmm0, [rsp + 0*16]
    movdqu xmm1, [rsp + 1*16]
    movdqu xmm2, [rsp + 2*16]
    movdqu xmm3, [rsp + 3*16]
    movdqu xmm4, [rsp + 4*16]
    movdqu xmm5, [rsp + 5*16]
    movdqu xmm6, [rsp + 6*16]
    movdqu xmm7, [rsp + 7*16]
    add rsp, 8*16 + 8
    pop r9
    pop r8
    pop rcx
    pop rdx
    pop rsi
    pop rdi
    pop rbp
    jmp rax

; Exceptions. The thrower's callee-saved registers, rsp and return address are written to a
; context block on the stack and handed to the C# dispatcher (XairrosX.Plugs/Exceptions), which
; never returns here: it resumes at a catch funclet's continuation or ends in a panic.
;   RhpThrowEx(rdi = exception object)   RhpRethrow()
; Context layout (keep in sync with ExceptionContext in Exceptions/MachineContext.cs):
;   0 rip, 8 rsp, 16 rbp, 24 rbx, 32 r12, 40 r13, 48 r14, 56 r15
extern XairrosX_DispatchException
%macro CAPTURE_CONTEXT_AND_DISPATCH 1
    ; on entry [rsp] = return address into the throwing method
    lea rax, [rsp + 8]          ; caller's rsp after our return
    mov r10, [rsp]              ; return address
    sub rsp, 72                 ; 64 bytes of context + 8 to keep 16-byte alignment
    mov [rsp + 0], r10
    mov [rsp + 8], rax
    mov [rsp + 16], rbp
    mov [rsp + 24], rbx
    mov [rsp + 32], r12
    mov [rsp + 40], r13
    mov [rsp + 48], r14
    mov [rsp + 56], r15
    mov rsi, rsp                ; context*
    mov edx, %1                 ; 0 = throw, 1 = rethrow
    call XairrosX_DispatchException
    ud2
%endmacro

global RhpThrowEx
RhpThrowEx:
    CAPTURE_CONTEXT_AND_DISPATCH 0

global RhpRethrow
RhpRethrow:
    xor edi, edi
    CAPTURE_CONTEXT_AND_DISPATCH 1

section .data
align 8
global g_cpuFeatures
g_cpuFeatures: dq 0
global __security_cookie
__security_cookie: dq 0x2B992DDFA232D4A5
global RhpTrapThreads
RhpTrapThreads: dd 0

section .text
; void xx_runtime_set_cpu_features(ulong runtimeFlags): fills g_cpuFeatures before managed code tests it.
global xx_runtime_set_cpu_features
xx_runtime_set_cpu_features:
    mov [rel g_cpuFeatures], rdi
    ret

; RhBulkMoveWithWriteBarrier(ref dst, ref src, nuint bytes): a memmove (no card table, see above).
global RhBulkMoveWithWriteBarrier
RhBulkMoveWithWriteBarrier:
    jmp memmove

; nuint xx_interface_dispatch_stub(): address of the initial interface dispatch stub (for new cells).
global xx_interface_dispatch_stub
xx_interface_dispatch_stub:
    lea rax, [rel RhpInitialDynamicInterfaceDispatch]
    ret

; ulong xx_call_funclet(funclet, MachineContext* context, exception): runs a catch, filter, fault or
; finally funclet in the frame described by context (rbx, rbp, r12–r15 loaded from it, rdi = exception),
; then writes the callee-saved registers back and returns the funclet's rax (catch: continuation address,
; filter: verdict).
global xx_call_funclet
global xx_funclet_return_address
xx_call_funclet:
    push rbp
    push rbx
    push r12
    push r13
    push r14
    push r15
    push rsi                    ; context* (7 pushes: rsp is 16-byte aligned for the call, as the ABI wants)
    mov rax, rdi                ; funclet
    mov rdi, rdx                ; exception object
    mov rbp, [rsi + 16]
    mov rbx, [rsi + 24]
    mov r12, [rsi + 32]
    mov r13, [rsi + 40]
    mov r14, [rsi + 48]
    mov r15, [rsi + 56]
    call rax
funclet_return:
    pop rsi
    mov [rsi + 16], rbp
    mov [rsi + 24], rbx
    mov [rsi + 32], r12
    mov [rsi + 40], r13
    mov [rsi + 48], r14
    mov [rsi + 56], r15
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    pop rbp
    ret

xx_funclet_return_address:
    lea rax, [rel funclet_return]
    ret

; void xx_resume(MachineContext* context, address): continues execution in the handler frame.
global xx_resume
xx_resume:
    mov rbp, [rdi + 16]
    mov rbx, [rdi + 24]
    mov r12, [rdi + 32]
    mov r13, [rdi + 40]
    mov r14, [rdi + 48]
    mov r15, [rdi + 56]
    mov rsp, [rdi + 8]
    xor eax, eax                ; a filter abandoned by an exception answers 0 (decline)
    jmp rsi

extern __eh_frame_start, __eh_frame_end, __managedcode_start, __managedcode_end
global xx_eh_frame_range
xx_eh_frame_range:
    lea rax, [rel __eh_frame_start]
    mov [rdi], rax
    lea rax, [rel __eh_frame_end]
    mov [rsi], rax
    ret

global xx_managed_code_range
xx_managed_code_range:
    lea rax, [rel __managedcode_start]
    mov [rdi], rax
    lea rax, [rel __managedcode_end]
    mov [rsi], rax
    ret

; Monomorphic inline cache for an interface call site (see Exports/InterfaceDispatch.cs): r11 = cell,
; [cell + 8] = cache entry {interface, slot, MethodTable, target}. A different receiver type falls back to
; the resolving stub, which updates the entry. A null receiver faults at xx_interface_dispatch_cached_load,
; which the CPU-fault handler maps to a NullReferenceException thrown from the caller.
; The stub reads the entry's type and target as a pair, so it lives in .text.nopreempt: a timer interrupt
; never switches threads between the two reads (see Threading/Preemption.cs).
section .text.nopreempt progbits alloc exec nowrite align=16
global xx_interface_dispatch_cached, xx_interface_dispatch_cached_load
xx_interface_dispatch_cached:
    mov r10, [r11 + 8]
xx_interface_dispatch_cached_load:
    mov rax, [rdi]
    cmp rax, [r10 + 16]
    jne RhpInitialDynamicInterfaceDispatch
    jmp [r10 + 24]

section .text

global xx_interface_dispatch_cached_stub, xx_interface_dispatch_fault_addresses
xx_interface_dispatch_cached_stub:
    lea rax, [rel xx_interface_dispatch_cached]
    ret
; void xx_interface_dispatch_fault_addresses(ulong* initial, ulong* cached): where a null receiver faults.
xx_interface_dispatch_fault_addresses:
    lea rax, [rel xx_interface_dispatch_initial_load]
    mov [rdi], rax
    lea rax, [rel xx_interface_dispatch_cached_load]
    mov [rsi], rax
    ret
