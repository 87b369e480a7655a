#include "textflag.h"

// windows turns 16 bytes, broadcast to both 128-bit lanes, into the eight 4-byte
// windows that start at bytes 0 to 7: lane 0 gets windows 0-3, lane 1 windows 4-7.
DATA windows<>+0(SB)/8, $0x0403020103020100
DATA windows<>+8(SB)/8, $0x0605040305040302
DATA windows<>+16(SB)/8, $0x0807060507060504
DATA windows<>+24(SB)/8, $0x0a09080709080706
GLOBL windows<>(SB), RODATA|NOPTR, $32

// func filterAsm(buf []byte, pos int, filter *uint64, shift uint32, out []int) (k, next int)
TEXT ·filterAsm(SB), NOSPLIT, $0-88
	MOVQ buf_base+0(FP), SI
	MOVQ buf_len+8(FP), BX
	MOVQ pos+24(FP), CX
	MOVQ filter+32(FP), DI
	MOVL shift+40(FP), AX
	MOVQ out_base+48(FP), R8
	MOVQ out_len+56(FP), R9
	XORQ R10, R10                    // k

	VMOVDQU windows<>(SB), Y15
	MOVL $0x20202020, DX             // foldMask
	VMOVD DX, X14
	VPBROADCASTD X14, Y14
	MOVL $0x9E3779B1, DX             // hash32's multiplier
	VMOVD DX, X13
	VPBROADCASTD X13, Y13
	VMOVD AX, X12                    // shift count
	MOVL $31, DX
	VMOVD DX, X11
	VPBROADCASTD X11, Y11
	MOVL $1, DX
	VMOVD DX, X10
	VPBROADCASTD X10, Y10

// Sixteen windows a round, in two blocks of eight, so that two gathers are in
// flight at once; a round with no candidate (most) costs one branch.
loop:
	LEAQ 24(CX), AX
	CMPQ AX, BX
	JGT  done
	LEAQ 16(R10), AX
	CMPQ AX, R9
	JGT  done
	VBROADCASTI128 (SI)(CX*1), Y0
	VBROADCASTI128 8(SI)(CX*1), Y5
	VPSHUFB Y15, Y0, Y0              // eight windows
	VPSHUFB Y15, Y5, Y5              // and the next eight
	VPOR Y14, Y0, Y0                 // | foldMask
	VPOR Y14, Y5, Y5
	VPMULLD Y13, Y0, Y0              // hash32
	VPMULLD Y13, Y5, Y5
	VPSRLD X12, Y0, Y0               // >> shift: the bit's index h
	VPSRLD X12, Y5, Y5
	VPSRLD $5, Y0, Y1                // h>>5: its 32-bit word
	VPSRLD $5, Y5, Y6
	VPAND Y11, Y0, Y2                // h&31: its bit in the word
	VPAND Y11, Y5, Y7
	VPCMPEQD Y3, Y3, Y3              // gather all eight
	VPCMPEQD Y8, Y8, Y8
	VPXOR Y4, Y4, Y4
	VPXOR Y9, Y9, Y9
	VPGATHERDD Y3, (DI)(Y1*4), Y4
	VPGATHERDD Y8, (DI)(Y6*4), Y9
	VPSRLVD Y2, Y4, Y4
	VPSRLVD Y7, Y9, Y9
	VPAND Y10, Y4, Y4                // the bits themselves
	VPAND Y10, Y9, Y9
	VPOR Y4, Y9, Y3
	VPTEST Y3, Y3
	JNZ  found
	ADDQ $16, CX
	JMP  loop

found:
	VPCMPEQD Y10, Y4, Y4
	VMOVMSKPS Y4, AX                 // bit j: window CX+j is a candidate
	VPCMPEQD Y10, Y9, Y9
	VMOVMSKPS Y9, DX
	SHLL $8, DX
	ORL  DX, AX                      // bits 8-15: windows CX+8 to CX+15

bits:
	TZCNTL AX, DX
	LEAQ (CX)(DX*1), R11
	MOVQ R11, (R8)(R10*8)
	INCQ R10
	BLSRL AX, AX
	JNZ  bits
	ADDQ $16, CX
	JMP  loop

done:
	VZEROUPPER
	MOVQ R10, k+72(FP)
	MOVQ CX, next+80(FP)
	RET
