//go:build !amd64

package signatures

const haveAsmPrefilter = false

func filterAsm(buf []byte, pos int, filter *uint64, shift uint32, out []int) (k, next int) {
	panic("no assembly prefilter on this architecture")
}
