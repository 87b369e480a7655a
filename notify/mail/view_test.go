package mail

import (
	"testing"

	"github.com/aupscan/aupscan/signatures"
)

// TestZHLabelsCoverContract fails when a category, severity or confidence of the
// contract would reach a zh-CN notice untranslated.
func TestZHLabelsCoverContract(t *testing.T) {
	for _, list := range [][]string{signatures.Categories, signatures.Severities, signatures.Confidences} {
		for _, v := range list {
			if got := label("zh-CN", v); got == v && v != "vpn" && v != "tor" {
				t.Errorf("label(zh-CN, %q) = %q: no translation", v, got)
			}
		}
	}
}
