package signatures

import (
	"maps"
	"slices"
	"strings"
)

// Locales are the languages a rule may carry its name and description in besides
// English, as tenants' notices are written in them (notify/mail's templates).
var Locales = []string{"zh-CN"}

// Localized is a rule's name and description in one language:
//
//	[rule.l10n.zh-CN]
//	name = "OpenVPN 服务器配置"
//	description = "..."
type Localized struct {
	Name        string `toml:"name" json:"name,omitempty"`
	Description string `toml:"description" json:"description,omitempty"`
}

// Localized returns the rule's name and description in locale, each falling back
// to English where the rule has no translation of it.
func (r *Rule) Localized(locale string) (name, description string) {
	name, description = r.Name, r.Description
	if l := r.L10n[locale]; l != nil {
		if strings.TrimSpace(l.Name) != "" {
			name = l.Name
		}
		if strings.TrimSpace(l.Description) != "" {
			description = l.Description
		}
	}
	return name, strings.TrimSpace(description)
}

// checkL10n refuses a translation in a locale no notice is written in (a typo would
// leave the tenants of that locale with English silently) and an empty one.
func checkL10n(r *Rule, rp ruleProblems) {
	for _, loc := range slices.Sorted(maps.Keys(r.L10n)) {
		l := r.L10n[loc]
		key := "l10n." + loc
		switch {
		case !slices.Contains(Locales, loc):
			rp.errorf(key, "unknown locale %q (one of %s)", loc, strings.Join(Locales, ", "))
		case l == nil || strings.TrimSpace(l.Name) == "" && strings.TrimSpace(l.Description) == "":
			rp.errorf(key, "empty translation: give name, description or both")
		}
	}
}
