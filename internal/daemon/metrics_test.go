package daemon

import (
	"testing"

	"github.com/aupscan/aupscan/internal/version"
)

// TestBuildInfoMetric: aupscand_build_info is exported as 1 with this build's
// identity as labels, the same one --version prints.
func TestBuildInfoMetric(t *testing.T) {
	families, err := newMetrics().reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	want := version.Get()
	for _, f := range families {
		if f.GetName() != "aupscand_build_info" {
			continue
		}
		if len(f.GetMetric()) != 1 {
			t.Fatalf("aupscand_build_info: %d series, want 1", len(f.GetMetric()))
		}
		m := f.GetMetric()[0]
		labels := map[string]string{}
		for _, l := range m.GetLabel() {
			labels[l.GetName()] = l.GetValue()
		}
		if m.GetGauge().GetValue() != 1 || labels["version"] != want.Version || labels["commit"] != want.Commit ||
			labels["date"] != want.Date || labels["goversion"] != want.Go {
			t.Errorf("aupscand_build_info = %v %v, want 1 with %+v", m.GetGauge().GetValue(), labels, want)
		}
		return
	}
	t.Fatal("aupscand_build_info is not exported")
}
