; The console font, embedded at build time: Build/XairrosX.Image.targets gunzips a PSF font from the
; Debian package console-setup-linux (/usr/share/consolefonts) to console-font.psf in the native build
; folder and passes that folder to nasm with -I. Boot/ConsoleFont.cs parses it.
;
;   const byte* xx_console_font(ulong* length)   — start of the font, its length in *length

section .rodata
align 16
font_start:
    incbin "console-font.psf"
font_end:

section .text
global xx_console_font
xx_console_font:
    lea rax, [rel font_start]
    mov qword [rdi], font_end - font_start
    ret
