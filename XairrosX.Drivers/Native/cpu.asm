; x86_64 instructions that C# cannot express, one tiny routine each (System V ABI).
; C# reaches them through XairrosX.Drivers.Platform.{Ports, Cpu} with DllImport("*").
bits 64
default rel
section .text

global xx_inb, xx_inw, xx_inl, xx_outb, xx_outw, xx_outl
xx_inb:  mov edx, edi
         xor eax, eax
         in al, dx
         ret
xx_inw:  mov edx, edi
         xor eax, eax
         in ax, dx
         ret
xx_inl:  mov edx, edi
         in eax, dx
         ret
xx_outb: mov edx, edi
         mov eax, esi
         out dx, al
         ret
xx_outw: mov edx, edi
         mov eax, esi
         out dx, ax
         ret
xx_outl: mov edx, edi
         mov eax, esi
         out dx, eax
         ret

; void xx_cpuid(uint leaf, uint subleaf, uint* out4)  -> out4 = eax, ebx, ecx, edx
global xx_cpuid
xx_cpuid:
    push rbx
    mov r8, rdx
    mov eax, edi
    mov ecx, esi
    cpuid
    mov [r8], eax
    mov [r8 + 4], ebx
    mov [r8 + 8], ecx
    mov [r8 + 12], edx
    pop rbx
    ret

global xx_rdtsc
xx_rdtsc:
    rdtsc
    shl rdx, 32
    or rax, rdx
    ret

global xx_rdmsr, xx_wrmsr
xx_rdmsr:
    mov ecx, edi
    rdmsr
    shl rdx, 32
    or rax, rdx
    ret
xx_wrmsr:
    mov ecx, edi
    mov eax, esi
    mov rdx, rsi
    shr rdx, 32
    wrmsr
    ret

global xx_read_cr0, xx_read_cr2, xx_read_cr3, xx_read_cr4, xx_write_cr3, xx_xgetbv
xx_read_cr0: mov rax, cr0
             ret
xx_read_cr2: mov rax, cr2
             ret
xx_read_cr3: mov rax, cr3
             ret
xx_read_cr4: mov rax, cr4
             ret
xx_write_cr3: mov cr3, rdi
              ret
xx_xgetbv:
    mov ecx, edi
    xgetbv
    shl rdx, 32
    or rax, rdx
    ret

global xx_hlt, xx_cli, xx_sti, xx_pause, xx_sti_hlt, xx_read_flags, xx_invlpg
xx_hlt:   hlt
          ret
xx_cli:   cli
          ret
xx_sti:   sti
          ret
xx_sti_hlt:
          sti
          hlt
          ret
xx_pause: pause
          ret
xx_read_flags:
          pushfq
          pop rax
          ret
xx_invlpg:
          invlpg [rdi]
          ret

; bool xx_rdrand(ulong* out): CF set when the value is valid
global xx_rdrand, xx_rdseed
xx_rdrand:
    rdrand rax
    jnc .fail
    mov [rdi], rax
    mov eax, 1
    ret
.fail:
    xor eax, eax
    ret
xx_rdseed:
    rdseed rax
    jnc .fail2
    mov [rdi], rax
    mov eax, 1
    ret
.fail2:
    xor eax, eax
    ret

; void xx_lidt(void* descriptor) / xx_lgdt(void* descriptor)
global xx_lidt, xx_lgdt, xx_ltr
xx_lidt: lidt [rdi]
         ret
xx_lgdt: lgdt [rdi]
         ret
xx_ltr:  ltr di
         ret

; Current stack pointer and frame pointer (for diagnostics).
global xx_read_rsp, xx_read_rbp
xx_read_rsp: lea rax, [rsp + 8]
             ret
xx_read_rbp: mov rax, rbp
             ret

; Interrupt entry: every vector pushes (error code or 0) and its number, then the common path saves
; the general registers into an InterruptFrame (XairrosX.Drivers/Interrupts/InterruptFrame.cs), saves
; the extended state (XSAVE: x87, SSE, AVX …) below it, and calls the C# dispatcher, which RETURNS the
; frame to resume. The resumed frame may be another one (a different stack): the stub restores the
; extended state stored below THAT frame, pops its registers and iretqs through it. Layout:
;   frame (16-byte aligned: the CPU aligns RSP before pushing, then 22 words follow):
;   r15 r14 r13 r12 r11 r10 r9 r8 rbp rdi rsi rdx rcx rbx rax | vector error | rip cs rflags rsp ss
;   extended state at (frame - xx_xsave_reserve) & ~63 (XSAVE standard format, 64-byte aligned).
; The contract is spelled out in XairrosX.Drivers/README.md and Interrupts/InterruptStack.cs.
extern XairrosX_InterruptDispatch
%macro ISR_NOERR 1
isr_%1:
    push 0
    push %1
    jmp isr_common
%endmacro
%macro ISR_ERR 1
isr_%1:
    push %1
    jmp isr_common
%endmacro

isr_common:
    push rax
    push rbx
    push rcx
    push rdx
    push rsi
    push rdi
    push rbp
    push r8
    push r9
    push r10
    push r11
    push r12
    push r13
    push r14
    push r15
    cld
    mov rdi, rsp
    sub rsp, [rel xx_xsave_reserve]
    and rsp, -64
    xor eax, eax                ; XSAVE leaves XSTATE_BV bits outside XCR0 and header bytes 8-63 as they were;
%assign off 512                 ; XRSTOR faults on stale ones: the whole 64-byte header starts zeroed
%rep 8
    mov [rsp + off], rax
%assign off off+8
%endrep
    mov eax, -1
    mov edx, -1
    xsave [rsp]
    call XairrosX_InterruptDispatch
    mov rbx, rax                ; the frame to resume
    mov rsp, rax
    sub rsp, [rel xx_xsave_reserve]
    and rsp, -64
    mov eax, -1
    mov edx, -1
    xrstor [rsp]
    mov rsp, rbx
    pop r15
    pop r14
    pop r13
    pop r12
    pop r11
    pop r10
    pop r9
    pop r8
    pop rbp
    pop rdi
    pop rsi
    pop rdx
    pop rcx
    pop rbx
    pop rax
    add rsp, 16
    iretq

; Bytes reserved below a frame for its extended state (XSAVE size for XCR0 + 63 for the alignment);
; set by Idt.Install from CPUID leaf 0xD before the first interrupt. The default fits x87+SSE+AVX.
section .data
align 8
global xx_xsave_reserve
xx_xsave_reserve: dq 1024
section .text

global xx_xsave_reserve_address
xx_xsave_reserve_address:
    lea rax, [rel xx_xsave_reserve]
    ret

; Raises the software-switch vector (0x81, Idt.SoftwareSwitchVector): a voluntary entry into the same
; frame-returning path as an interrupt (a yield, or a test of a stack switch).
global xx_raise_switch_vector, xx_raise_spurious_vector
xx_raise_switch_vector:
    int 0x81
    ret
xx_raise_spurious_vector:       ; the LAPIC's spurious vector, raised by software (self-tests)
    int 0xFF
    ret

; Return address planted under the entry of a frame built by InterruptStack.Prepare: an entry function
; that returns lands here and raises #UD (a panic report), never runs off into garbage.
global xx_entry_return_trap, xx_entry_return_trap_address
xx_entry_return_trap:
    ud2
xx_entry_return_trap_address:
    lea rax, [rel xx_entry_return_trap]
    ret

%assign i 0
%rep 256
%if i == 8 || i == 10 || i == 11 || i == 12 || i == 13 || i == 14 || i == 17 || i == 21 || i == 29 || i == 30
ISR_ERR i
%else
ISR_NOERR i
%endif
%assign i i+1
%endrep

section .rodata
align 8
global xx_isr_table
xx_isr_table:
%assign i 0
%rep 256
    dq isr_ %+ i
%assign i i+1
%endrep

section .text
global xx_isr_table_address
xx_isr_table_address:
    lea rax, [rel xx_isr_table]
    ret

; void xx_load_gdt(void* descriptor, ushort codeSelector, ushort dataSelector): loads the GDT and reloads
; every segment register (CS through a far return).
global xx_load_gdt
xx_load_gdt:
    lgdt [rdi]
    mov ax, dx
    mov ds, ax
    mov es, ax
    mov ss, ax
    xor eax, eax
    mov fs, ax
    mov gs, ax
    pop rax                     ; return address
    movzx rsi, si
    push rsi
    push rax
    retfq
