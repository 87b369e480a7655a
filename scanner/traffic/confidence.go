package traffic

// confidence works out a finding's confidence from the conditions of the section
// that made it. The rule sets a ceiling; a fingerprint caps it at what its own
// evidence is worth. A fingerprint that rests on a shape ordinary traffic shares
// (no server name, a CDN's default certificate) says low, and is worth more only
// beside a second, independent signal: a section that also required a name,
// address, JA3/JA4 or content condition, which held on the same flow, lifts the
// fingerprint's cap one step.
type confidence struct {
	capped bool // a fingerprint capped it
	cap    int8 // the lowest fingerprint confidence
	others bool // a condition of another kind held too
}

// add counts one condition's note: a fingerprint's confidence rank, or -1 for a
// condition that sets none.
func (c *confidence) add(rank int8) {
	if rank < 0 {
		c.others = true
		return
	}
	if !c.capped || rank < c.cap {
		c.cap = rank
	}
	c.capped = true
}

// of returns the finding's confidence rank under the rule's own.
func (c *confidence) of(rule int8) int8 {
	if !c.capped {
		return rule
	}
	capRank := c.cap
	if c.others {
		capRank = min(capRank+1, confHigh)
	}
	return min(rule, capRank)
}
