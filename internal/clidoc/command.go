// Package clidoc turns a program's command-line definition into what a package ships
// beside the binary: a man page (roff, through github.com/muesli/roff) and completion
// scripts for bash, zsh and fish. The definition is read from the program itself
// (kong's model for aupscan, the flag set for aupscand), so the pages and completions
// cannot drift from the flags the binary takes; each program prints them through a
// hidden flag that scripts/release.sh runs.
package clidoc

import (
	"flag"
	"slices"
	"strings"

	"github.com/alecthomas/kong"
)

// A Command is one command of a program: the program itself at the root.
type Command struct {
	Name     string     // "aupscan", "list"
	Path     string     // the words that select it after the program's name: "cases list"; "" at the root
	Args     string     // the positional arguments as usage shows them: "<paths> ..."
	Help     string     // one line
	Detail   string     // more, when the definition has it
	Flags    []Flag     // its own flags; a subcommand also takes its ancestors'
	Commands []*Command // subcommands
	Files    bool       // its positional arguments are paths
}

// A Flag is one option.
type Flag struct {
	Name        string   // "format", without dashes
	Short       rune     // 0 when none
	Placeholder string   // "FILE"; "" for a switch
	Help        string   //
	Enum        []string // the values it takes, when it names them
	Path        bool     // its value is a file or folder
}

// Switch reports whether the flag takes no value.
func (f Flag) Switch() bool { return f.Placeholder == "" }

// FromKong reads kong's model of a program. Hidden commands and flags are left out,
// and so are the flags named in skip (the ones that print these documents).
func FromKong(app *kong.Application, skip ...string) *Command {
	return fromNode(app.Node, "", skip)
}

func fromNode(n *kong.Node, parent string, skip []string) *Command {
	c := &Command{Name: n.Name, Help: n.Help, Detail: n.Detail}
	if n.Parent != nil {
		c.Path = strings.TrimSpace(parent + " " + n.Name)
		c.Args = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(n.Summary(), n.Path()), "[flags]"))
		for _, p := range n.Positional {
			c.Files = c.Files || isPath(p.Tag.Type)
		}
		if len(n.Positional) > 0 && !c.Files {
			c.Files = true // names of files or ids: files are the likelier completion
		}
	}
	for _, f := range n.Flags {
		if f.Hidden || slices.Contains(skip, f.Name) {
			continue
		}
		fl := Flag{Name: f.Name, Short: f.Short, Help: f.Help, Path: isPath(f.Tag.Type)}
		if f.Enum != "" {
			fl.Enum = f.EnumSlice()
		}
		if !f.IsBool() && !f.IsCounter() {
			fl.Placeholder = f.FormatPlaceHolder()
		}
		c.Flags = append(c.Flags, fl)
	}
	for _, child := range n.Children {
		if child.Hidden || child.Type != kong.CommandNode {
			continue
		}
		c.Commands = append(c.Commands, fromNode(child, c.Path, skip))
	}
	return c
}

func isPath(typ string) bool {
	switch typ {
	case "path", "existingfile", "existingdir", "file":
		return true
	}
	return false
}

// FromFlagSet reads a flag.FlagSet (aupscand's), leaving out the flags named in skip.
// paths names the flags whose values are files; commands are the words it takes as its
// first argument, each with its help.
func FromFlagSet(name, help string, fs *flag.FlagSet, paths []string, commands [][2]string, skip ...string) *Command {
	c := &Command{Name: name, Help: help}
	fs.VisitAll(func(f *flag.Flag) {
		if slices.Contains(skip, f.Name) {
			return
		}
		fl := Flag{Name: f.Name, Help: f.Usage, Path: slices.Contains(paths, f.Name)}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); !ok || !b.IsBoolFlag() {
			fl.Placeholder = "VALUE"
			if fl.Path {
				fl.Placeholder = "FILE"
			}
		}
		c.Flags = append(c.Flags, fl)
	})
	for _, sub := range commands {
		c.Commands = append(c.Commands, &Command{Name: sub[0], Path: sub[0], Help: sub[1]})
	}
	return c
}

// walk calls fn for c and every command under it, with the flags each takes (its
// own and its ancestors').
func (c *Command) walk(inherited []Flag, fn func(*Command, []Flag)) {
	flags := append(slices.Clone(inherited), c.Flags...)
	fn(c, flags)
	for _, s := range c.Commands {
		s.walk(flags, fn)
	}
}
