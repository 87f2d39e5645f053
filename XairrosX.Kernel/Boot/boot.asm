; XairrosX boot stub: Multiboot2 entry (32-bit protected mode, from GRUB) -> long mode -> C# kernel.
;
; Contract with the C# side (XairrosX.Kernel/Boot/KernelEntry.cs):
;   kernel_early(magic, mbi)  [UnmanagedCallersOnly "kernel_early"]  — no allocation allowed yet;
;                             sets up the raw heap from the memory map and fills g_cpuFeatures.
;   InitializeModules(...)    — CoreLib's module start-up (type managers, GC statics, eager cctors)
;   __managed__Startup()      — ilc's library initializers (CoreLib's LibraryInitializer...)
;   kmain()                   [UnmanagedCallersOnly "kmain"] — the kernel proper; never returns.
; Identity mapping of the first 4 GiB with 2 MiB pages; the C# paging code may replace it later.

MB2_MAGIC    equ 0xE85250D6
MB2_ARCH     equ 0

section .multiboot2 progbits alloc noexec nowrite align=8
mb2_header:
    dd MB2_MAGIC
    dd MB2_ARCH
    dd mb2_header_end - mb2_header
    dd -(MB2_MAGIC + MB2_ARCH + (mb2_header_end - mb2_header))
    ; framebuffer request (optional: GRUB falls back to text mode when absent)
    align 8
    dw 5, 1                     ; type 5 = framebuffer, flags 1 = optional
    dd 20
    dd 1024, 768, 32
    align 8
    dw 0, 0                     ; end tag
    dd 8
mb2_header_end:

section .boot32 progbits alloc exec nowrite align=16
bits 32
global _start
_start:
    cli
    mov esp, boot_stack_top
    mov edi, eax                ; multiboot2 magic
    mov esi, ebx                ; physical address of the boot information

    ; Long mode available? (CPUID 0x80000001 EDX bit 29)
    mov eax, 0x80000000
    cpuid
    cmp eax, 0x80000001
    jb no_long_mode
    mov eax, 0x80000001
    cpuid
    bt edx, 29
    jnc no_long_mode

    ; PML4[0] -> PDPT, PDPT[0..3] -> PD0..PD3, each PD maps 1 GiB with 2 MiB pages.
    mov eax, pdpt
    or eax, 3
    mov [pml4], eax
    mov ecx, 0
.fill_pdpt:
    mov eax, ecx
    shl eax, 12
    add eax, page_dirs
    or eax, 3
    mov [pdpt + ecx*8], eax
    inc ecx
    cmp ecx, 4
    jne .fill_pdpt
    ; The first 2 MiB use 4 KiB pages so that page 0 stays unmapped: a null dereference faults.
    mov ecx, 1
.fill_pt0:
    mov eax, ecx
    shl eax, 12
    or eax, 3
    mov [first_page_table + ecx*8], eax
    inc ecx
    cmp ecx, 512
    jne .fill_pt0
    mov ecx, 1
.fill_pd:
    mov eax, ecx
    shl eax, 21                 ; low 32 bits of ecx * 2 MiB
    or eax, 0x83                ; present | writable | 2 MiB page
    mov [page_dirs + ecx*8], eax
    mov eax, ecx
    shr eax, 11                 ; high bits of ecx * 2 MiB
    mov [page_dirs + ecx*8 + 4], eax
    inc ecx
    cmp ecx, 2048
    jne .fill_pd
    mov eax, first_page_table
    or eax, 3
    mov [page_dirs], eax

    mov eax, pml4
    mov cr3, eax
    mov eax, cr4
    or eax, (1 << 5)            ; PAE
    mov cr4, eax
    mov ecx, 0xC0000080         ; EFER
    rdmsr
    or eax, (1 << 8) | (1 << 11); LME | NXE
    wrmsr
    mov eax, cr0
    or eax, (1 << 31) | (1 << 16) | 1  ; PG | WP (read-only pages bind ring 0 too) | PE
    mov cr0, eax
    lgdt [gdt64_pointer]
    jmp 0x08:long_mode_entry

no_long_mode:
    ; "NO64" on COM1, then halt: this CPU cannot run XairrosX.
    mov dx, 0x3F8
    mov al, 'N'
    out dx, al
    mov al, 'O'
    out dx, al
    mov al, '6'
    out dx, al
    mov al, '4'
    out dx, al
.halt:
    hlt
    jmp .halt

bits 64
long_mode_entry:
    mov ax, 0x10
    mov ds, ax
    mov es, ax
    mov ss, ax
    xor ax, ax
    mov fs, ax
    mov gs, ax
    mov rsp, kernel_stack_top
    mov edi, edi
    mov esi, esi
    mov r12, rdi                ; keep magic and info pointer across the SSE set-up
    mov r13, rsi

    ; SSE: CR0.EM = 0, CR0.MP = 1; CR4.OSFXSR | CR4.OSXMMEXCPT
    mov rax, cr0
    and rax, ~(1 << 2)
    or rax, (1 << 1)
    mov cr0, rax
    mov rax, cr4
    or rax, (1 << 9) | (1 << 10)
    mov cr4, rax
    fninit

    ; XSAVE and AVX (and AVX-512 state) where the CPU has them: CR4.OSXSAVE, then XCR0.
    mov eax, 1
    cpuid
    bt ecx, 26
    jnc .no_xsave
    mov rax, cr4
    or rax, (1 << 18)
    mov cr4, rax
    mov eax, 0x0D
    xor ecx, ecx
    cpuid                       ; eax = XCR0 bits the CPU supports (low half)
    and eax, 0xE7               ; x87 | SSE | AVX | opmask | ZMM_Hi256 | Hi16_ZMM
    xor edx, edx
    xor ecx, ecx
    xsetbv
.no_xsave:

    ; The kernel is compiled for x86-64-v3 (ilc --instruction-set): refuse politely on older CPUs
    ; before the first VEX-encoded instruction runs.
    call check_x86_64_v3
    test eax, eax
    jz cpu_too_old

    mov rdi, r12
    mov rsi, r13
    extern __kernel_end
    lea rdx, [rel __kernel_end]
    extern kernel_early
    call kernel_early

    ; CoreLib start-up, exactly as the NativeAOT bootstrapper does it.
    extern InitializeModules
    extern __managed__Startup
    extern __modules_start
    extern __modules_end
    extern __kernel_start
    lea rdi, [rel __kernel_start]
    lea rsi, [rel __modules_start]
    lea rdx, [rel __modules_end]
    sub rdx, rsi
    shr rdx, 3
    lea rcx, [rel classlib_functions]
    mov r8d, (classlib_functions_end - classlib_functions) / 8
    call InitializeModules
    call __managed__Startup

    extern kmain
    call kmain
.hang:
    cli
    hlt
    jmp .hang

; eax = 1 when AVX, AVX2, BMI1, BMI2, FMA, F16C, LZCNT, MOVBE are present and YMM state is enabled.
check_x86_64_v3:
    push rbx
    mov eax, 1
    cpuid
    mov r8d, ecx
    and r8d, (1 << 12) | (1 << 22) | (1 << 27) | (1 << 28) | (1 << 29)   ; FMA MOVBE OSXSAVE AVX F16C
    cmp r8d, (1 << 12) | (1 << 22) | (1 << 27) | (1 << 28) | (1 << 29)
    jne .no
    xor ecx, ecx
    xgetbv
    and eax, 6
    cmp eax, 6
    jne .no
    mov eax, 7
    xor ecx, ecx
    cpuid
    and ebx, (1 << 3) | (1 << 5) | (1 << 8)                             ; BMI1 AVX2 BMI2
    cmp ebx, (1 << 3) | (1 << 5) | (1 << 8)
    jne .no
    mov eax, 0x80000001
    cpuid
    test ecx, (1 << 5)                                                  ; LZCNT
    jz .no
    mov eax, 1
    pop rbx
    ret
.no:
    xor eax, eax
    pop rbx
    ret

cpu_too_old:
    lea rsi, [rel too_old_message]
    mov edi, 0xB8000
.next:
    lodsb
    test al, al
    jz .done
    mov ah, 0x4F
    mov [rdi], ax
    add rdi, 2
    mov dx, 0x3FD
.wait:
    in al, dx
    test al, 0x20
    jz .wait
    mov al, [rsi - 1]
    mov dx, 0x3F8
    out dx, al
    jmp .next
.done:
    mov dx, 0xF4                ; isa-debug-exit, when present: exit status 3
    mov al, 1
    out dx, al
.halt:
    cli
    hlt
    jmp .halt

section .rodata
too_old_message:
    db "XairrosX needs an x86-64-v3 CPU (AVX2, BMI2, FMA, LZCNT, MOVBE). In QEMU use -cpu max (TCG) or -cpu host (KVM).", 13, 10, 0

; CoreLib functions the runtime calls back (ClassLibFunctionId order, as in the NativeAOT bootstrapper).
extern GetRuntimeException, RuntimeFailFast, AppendExceptionStackFrame, GetSystemArrayEEType
extern OnFirstChanceException, OnUnhandledException
align 8
classlib_functions:
    dq GetRuntimeException
    dq RuntimeFailFast
    dq 0                        ; UnhandledExceptionHandler
    dq AppendExceptionStackFrame
    dq 0                        ; CheckStaticClassConstruction
    dq GetSystemArrayEEType
    dq OnFirstChanceException
    dq OnUnhandledException
    dq 0                        ; IDynamicCastableIsInterfaceImplemented (no IDynamicInterfaceCastable types)
    dq 0                        ; IDynamicCastableGetInterfaceImplementation
classlib_functions_end:

align 16
gdt64:
    dq 0
    dq 0x00AF9A000000FFFF       ; 0x08 kernel code, 64-bit
    dq 0x00CF92000000FFFF       ; 0x10 kernel data
gdt64_end:
gdt64_pointer:
    dw gdt64_end - gdt64 - 1
    dq gdt64

section .bss
alignb 4096
pml4:       resb 4096
pdpt:       resb 4096
page_dirs:  resb 4096 * 4
first_page_table: resb 4096
boot_stack: resb 4096
boot_stack_top:
alignb 4096
kernel_stack: resb 1024 * 1024          ; its lowest page becomes the guard page (KernelEntry)
global kernel_stack_top
kernel_stack_top:

section .text
; void xx_kernel_stack_bounds(nint* low, nint* high): the boot thread's stack.
global xx_kernel_stack_bounds
xx_kernel_stack_bounds:
    lea rax, [rel kernel_stack]
    mov [rdi], rax
    lea rax, [rel kernel_stack_top]
    mov [rsi], rax
    ret

; void xx_kernel_sections(ulong* bounds): text start/end, read-only data start, writable data start, image end —
; the boundaries KernelImageProtection maps W^X (all 4 KiB aligned by linker.ld).
extern __text_start, __text_end, __rodata_start, __data_start, __kernel_end
global xx_kernel_sections
xx_kernel_sections:
    lea rax, [rel __text_start]
    mov [rdi], rax
    lea rax, [rel __text_end]
    mov [rdi + 8], rax
    lea rax, [rel __rodata_start]
    mov [rdi + 16], rax
    lea rax, [rel __data_start]
    mov [rdi + 24], rax
    lea rax, [rel __kernel_end]
    mov [rdi + 32], rax
    ret
