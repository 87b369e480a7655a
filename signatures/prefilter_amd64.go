package signatures

import "golang.org/x/sys/cpu"

// haveAsmPrefilter says whether this CPU runs prefilter_amd64.s (AVX2 for the
// vectors, BMI1 for walking the hit mask).
var haveAsmPrefilter = cpu.X86.HasAVX2 && cpu.X86.HasBMI1

// filterAsm is filterGo sixteen windows at a time, for positions i with i+24 <=
// len(buf), while out has room for sixteen more; it returns how many candidates it
// wrote and the position it stopped at, for filterGo to go on from.
//
//go:noescape
func filterAsm(buf []byte, pos int, filter *uint64, shift uint32, out []int) (k, next int)
