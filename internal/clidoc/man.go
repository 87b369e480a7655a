package clidoc

import (
	"fmt"
	"strings"
	"time"

	"github.com/muesli/roff"
)

// A Page is a man page about one program.
type Page struct {
	Root     *Command
	Section  uint      // 1 for aupscan, 8 for the daemon
	Title    string    // the NAME line's words after the dash
	Version  string    // the footer: "aupscan 1.2.0"
	Date     time.Time // of the release, so the page is the same however often it is built
	Sections []Section // EXIT STATUS, FILES, SEE ALSO
}

// A Section is a free-text section after the commands.
type Section struct{ Name, Text string }

// Roff renders the page for man(1).
func (p Page) Roff() string {
	d := roff.NewDocument()
	d.Heading(p.Section, p.Root.Name, p.Version, p.Date.UTC())
	d.Section("Name")
	d.Text(p.Root.Name + " - " + p.Title)
	d.Section("Synopsis")
	d.TextBold(p.Root.Name)
	d.Text(" [")
	d.TextItalic("options")
	d.Text("]")
	if len(p.Root.Commands) > 0 {
		d.Text(" ")
		d.TextItalic("command")
		d.Text(" [")
		d.TextItalic("arguments")
		d.Text("]")
	}
	d.Section("Description")
	d.Text(p.Root.Help)
	if p.Root.Detail != "" {
		d.Paragraph()
		d.Text(p.Root.Detail)
	}
	if len(p.Root.Flags) > 0 {
		d.Section("Options")
		flags(d, p.Root.Flags)
	}
	if len(p.Root.Commands) > 0 {
		d.Section("Commands")
		p.Root.walk(nil, func(c *Command, _ []Flag) {
			if c == p.Root || (len(c.Commands) > 0 && len(c.Flags) == 0) {
				return // the root, and groups that only hold commands
			}
			d.TaggedParagraph(-1)
			d.TextBold(strings.TrimSpace(p.Root.Name + " " + c.Path))
			if c.Args != "" {
				d.Text(" ")
				d.TextItalic(c.Args)
			}
			d.EndSection()
			d.Text(c.Help)
			if len(c.Flags) > 0 {
				d.Indent(4)
				flags(d, c.Flags)
				d.IndentEnd()
			}
		})
	}
	for _, s := range p.Sections {
		d.Section(s.Name)
		d.Text(s.Text)
	}
	return d.String()
}

func flags(d *roff.Document, fs []Flag) {
	for _, f := range fs {
		d.TaggedParagraph(-1)
		if f.Short != 0 {
			d.TextBold(fmt.Sprintf("-%c", f.Short))
			d.Text(", ")
		}
		d.TextBold("--" + f.Name)
		if !f.Switch() {
			d.Text("=")
			d.TextItalic(f.Placeholder)
		}
		d.EndSection()
		help := f.Help
		if len(f.Enum) > 0 && !strings.Contains(help, f.Enum[0]) {
			help += " One of: " + strings.Join(f.Enum, ", ") + "."
		}
		d.Text(help)
	}
}
