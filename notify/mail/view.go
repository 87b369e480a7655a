package mail

import (
	"fmt"
	netmail "net/mail"
	"time"
)

// view is what templates see: every string already cleaned, every time already
// formatted in the tenant's zone and language. Templates never format or trust input.
type view struct {
	Locale     string
	Kind       string // warning, reminder, final, resolved or digest
	TenantName string
	Operator   string
	ReplyTo    string
	Clause     string
	Review     bool // a suspension waits for an operator's review
	Items      []itemView
}

type itemView struct {
	Ref, Stage, Rule, RuleName, Description string
	HostShort, RuleShort                    string // for the Subject line
	Category, Severity, Confidence          string
	Host, FirstSeen, LastSeen               string
	Count                                   int64
	Kind, Subject, Flow, Path, Evidence     string
	SHA256, Source, Deadline                string
	Review                                  bool
	// Did says what the tenant's host did, by its role, no more than the evidence
	// shows; Link is the case page.
	Did, Role, Link string
}

func newView(n Notice) view {
	t := n.Tenant
	v := view{Locale: t.Locale, TenantName: clean(firstNonEmpty(t.Name, t.ID), maxField),
		Operator: clean(firstNonEmpty(n.Mail.Operator, "Acceptable Use"), maxField),
		Clause:   cleanBlock(t.Clause, maxLong), Review: n.Review}
	v.ReplyTo = n.Mail.From
	if n.Mail.ReplyTo != "" {
		v.ReplyTo = n.Mail.ReplyTo
	}
	if a, err := netmail.ParseAddress(v.ReplyTo); err == nil {
		v.ReplyTo = a.Address
	}
	v.Kind = kindDigest
	if len(n.Items) == 1 {
		v.Kind = string(n.Items[0].Stage)
	}
	for _, it := range n.Items {
		iv := newItemView(it, t.Locale, t.location())
		iv.Review = n.Review
		v.Items = append(v.Items, iv)
	}
	return v
}

func newItemView(it NoticeItem, locale string, loc *time.Location) itemView {
	c := it.Case
	iv := itemView{Ref: c.Ref(), Stage: string(it.Stage), Rule: clean(c.Rule, maxField),
		RuleName:    clean(firstNonEmpty(it.RuleName, c.RuleName, c.Rule), maxField),
		Description: cleanBlock(it.Description, maxLong),
		Category:    label(locale, c.Category), Severity: label(locale, c.Severity),
		Confidence: label(locale, c.Confidence), Host: clean(c.Host, maxField),
		FirstSeen: when(c.FirstSeen, locale, loc), LastSeen: when(c.LastSeen, locale, loc),
		Count: c.Count, Kind: clean(c.Kind, maxField), Evidence: clean(c.Evidence, maxLong),
		SHA256: clean(c.SHA256, 64), Source: clean(c.Source, maxField),
		HostShort: clean(c.Host, maxSubject)}
	iv.RuleShort = clean(firstNonEmpty(it.RuleName, c.RuleName, c.Rule), maxSubject)
	switch {
	case c.FlowProto != "":
		iv.Flow = clean(fmt.Sprintf("%s %s:%d -> %s:%d", c.FlowProto, c.FlowSrc, c.FlowSport, c.FlowDst, c.FlowDport), maxLong)
	case c.Kind == "file":
		iv.Path = clean(c.Subject, maxLong)
	default:
		iv.Subject = clean(c.Subject, maxLong)
	}
	if !it.Deadline.IsZero() {
		iv.Deadline = when(it.Deadline, locale, loc)
	}
	iv.Role, iv.Did, iv.Link = clean(c.Role, maxField), Did(c, locale), clean(it.Link, maxLong)
	return iv
}

// zhLabels translate the contract's categories, severities and confidences.
var zhLabels = map[string]string{
	"vpn": "VPN", "proxy": "代理", "tor": "Tor", "anonymity": "匿名网络", "tunnel": "隧道", "remote-access": "远程访问",
	"mining": "加密货币挖矿", "malware": "恶意软件", "prohibited-content": "违禁内容",
	"low": "低", "medium": "中", "high": "高", "critical": "严重",
}

// label returns a contract value as the locale writes it.
func label(locale, s string) string {
	if l, ok := zhLabels[s]; ok && locale == "zh-CN" {
		return l
	}
	return clean(s, maxField)
}

var zhWeekday = [...]string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}

// when formats t as a reader in loc expects it: the date, the time, the zone's
// abbreviation and its offset from UTC (abbreviations alone are ambiguous: CST is
// China, and also US Central, time).
func when(t time.Time, locale string, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(loc)
	off := t.Format("-07:00")
	if locale == "zh-CN" {
		return fmt.Sprintf("%d年%d月%d日（%s）%s（%s，UTC%s）", t.Year(), int(t.Month()), t.Day(),
			zhWeekday[t.Weekday()], t.Format("15:04"), loc.String(), off)
	}
	return fmt.Sprintf("%s (%s, UTC%s)", t.Format("Monday 2 January 2006, 15:04 MST"), loc.String(), off)
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// When formats t as notices do, in the locale and the tenant's zone, with the zone's
// name and offset: the case page shows dates the same way.
func When(t time.Time, locale string, loc *time.Location) string { return when(t, locale, loc) }

// Label returns a category, severity or confidence as the locale writes it.
func Label(locale, s string) string { return label(locale, s) }
