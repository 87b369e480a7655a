package daemon

import (
	"github.com/aupscan/aupscan/internal/config"
	"github.com/aupscan/aupscan/scanner/traffic"
)

// localMarks are the monitored hosts of a capture source, for the roles its
// findings carry: the [[capture.map]] entries of the source's host (every entry
// when the source has none, a bridge or a file of many VMs), each with its host;
// then, for a live interface that is this machine's own (no host, or the identity's
// host), the interface's own addresses and MAC. A hypervisor's tap carries no
// address of its own and its MAC is not the VM's: its VM is told by the MAC or
// addresses of its map entry.
func localMarks(cfg *config.Config, host, iface string) *traffic.Local {
	var marks []traffic.LocalMark
	for _, m := range cfg.Capture.Maps {
		if host != "" && m.Host != host {
			continue
		}
		lm := traffic.LocalMark{Host: m.Host}
		for _, a := range m.Addresses {
			if p, err := config.ParsePrefix(a); err == nil { // validated with the configuration
				lm.Prefixes = append(lm.Prefixes, p)
			}
		}
		for _, s := range m.MACs {
			if mac, err := traffic.ParseMAC(s); err == nil {
				lm.MACs = append(lm.MACs, mac)
			}
		}
		marks = append(marks, lm)
	}
	if iface != "" && (host == "" || host == cfg.Identity.Host) {
		if m, err := traffic.InterfaceMark(iface, ""); err == nil && (len(m.Prefixes) > 0 || len(m.MACs) > 0) {
			marks = append(marks, m)
		}
	}
	if len(marks) == 0 {
		return nil
	}
	return traffic.NewLocal(marks...)
}
