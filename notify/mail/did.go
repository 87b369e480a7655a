package mail

import (
	"fmt"
	"strings"

	"github.com/aupscan/aupscan/notify/store"
)

// enLabels name the categories in English sentences.
var enLabels = map[string]string{"vpn": "VPN", "proxy": "proxy", "tor": "Tor", "anonymity": "anonymity",
	"tunnel": "tunnel", "remote-access": "remote access", "mining": "cryptocurrency mining",
	"malware": "malware", "prohibited-content": "prohibited content"}

// Did says, in the locale, what the tenant's host did in the latest finding, by its
// role and no more than the evidence shows: a server accepted connections (on its
// port, from the peer seen), a client connected to a service (at the address seen),
// a host has the software installed. "" when the finding names no role. Every value
// in it is cleaned.
func Did(c store.Case, locale string) string {
	cat := clean(enLabels[c.Category], maxField)
	if cat == "" {
		cat = clean(c.Category, maxField)
	}
	zh := locale == "zh-CN"
	if zh {
		cat = label(locale, c.Category)
	}
	proto := strings.ToLower(clean(c.FlowProto, 10))
	switch {
	case c.Role == store.RoleServer && c.FlowProto != "":
		src := clean(c.FlowSrc, 64)
		if zh {
			return fmt.Sprintf("在 %d/%s 上接受了来自 %s 的%s连接", c.FlowDport, proto, src, cat)
		}
		return fmt.Sprintf("accepted %s connections on %d/%s from %s", cat, c.FlowDport, proto, src)
	case c.Role == store.RoleClient && c.FlowProto != "":
		dst := clean(c.FlowDst, 64)
		if zh {
			return fmt.Sprintf("连接到了位于 %s（%d/%s）的%s服务", dst, c.FlowDport, proto, cat)
		}
		return fmt.Sprintf("connected to a %s service at %s (%d/%s)", cat, dst, c.FlowDport, proto)
	case c.Role == store.RoleInstalled:
		if zh {
			return fmt.Sprintf("安装了%s软件", cat)
		}
		return fmt.Sprintf("has %s software installed", cat)
	}
	return ""
}
