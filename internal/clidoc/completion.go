package clidoc

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Completion returns the completion script of the program for shell: "bash", "zsh" or
// "fish". The script holds the command tree as data (the commands under each command,
// the flags each takes, what each flag's value is) and a driver that finds the
// command being typed, skipping flags and their values, and offers what may come
// next: subcommands, flags, a flag's named values, or files.
func Completion(shell string, root *Command) (string, error) {
	fn := "_" + regexp.MustCompile(`[^A-Za-z0-9]`).ReplaceAllString(root.Name, "_")
	var b strings.Builder
	fmt.Fprintf(&b, "# %s completion for %s, generated from its command-line definition; do not edit.\n", shell, root.Name)
	switch shell {
	case "bash", "zsh":
		if shell == "zsh" {
			b.Reset()
			fmt.Fprintf(&b, "#compdef %s\n# zsh completion for %s, generated from its command-line definition; do not edit.\n", root.Name, root.Name)
		}
		posixData(&b, fn, root)
		driver := bashDriver
		if shell == "zsh" {
			driver = zshDriver
		}
		b.WriteString(strings.NewReplacer("_PROG", fn, "PROGNAME", root.Name).Replace(driver))
	case "fish":
		fishData(&b, fn, root)
		b.WriteString(strings.NewReplacer("_PROG", fn, "PROGNAME", root.Name).Replace(fishDriver))
	default:
		return "", fmt.Errorf("completion: unknown shell %q (bash, zsh, fish)", shell)
	}
	return b.String(), nil
}

// entry is one command's completion data.
type entry struct {
	path     string
	commands []string
	flags    []string          // "--name" and "-s"
	values   map[string]string // flag spelling -> "@switch", "@files", "@any" or the values, space-separated
}

func entries(root *Command) []entry {
	var out []entry
	root.walk(nil, func(c *Command, flags []Flag) {
		e := entry{path: c.Path, values: map[string]string{}}
		for _, s := range c.Commands {
			e.commands = append(e.commands, s.Name)
		}
		for _, f := range flags {
			v := "@any"
			switch {
			case f.Switch():
				v = "@switch"
			case len(f.Enum) > 0:
				v = strings.Join(f.Enum, " ")
			case f.Path:
				v = "@files"
			}
			e.flags = append(e.flags, "--"+f.Name)
			e.values["--"+f.Name] = v
			if f.Short != 0 {
				e.flags = append(e.flags, "-"+string(f.Short))
				e.values["-"+string(f.Short)] = v
			}
		}
		if c.Files && len(c.Commands) == 0 {
			e.commands = nil // arguments: files
		}
		out = append(out, e)
	})
	return out
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// posixData writes the tree as shell functions bash and zsh both run.
func posixData(b *strings.Builder, fn string, root *Command) {
	es := entries(root)
	fmt.Fprintf(b, "\n# The commands under a command (its path, \"\" for the program).\n%s_commands() {\n  case \"$1\" in\n", fn)
	for _, e := range es {
		if len(e.commands) > 0 {
			fmt.Fprintf(b, "    '%s') echo '%s' ;;\n", e.path, strings.Join(e.commands, " "))
		}
	}
	fmt.Fprintf(b, "  esac\n}\n\n# The flags a command takes.\n%s_flags() {\n  case \"$1\" in\n", fn)
	for _, e := range es {
		fmt.Fprintf(b, "    '%s') echo '%s' ;;\n", e.path, strings.Join(e.flags, " "))
	}
	fmt.Fprintf(b, "  esac\n}\n\n# What a flag of a command takes: @switch (nothing), @files, @any, or its values.\n%s_value() {\n  case \"$1 $2\" in\n", fn)
	for _, e := range es {
		for _, k := range sortedKeys(e.values) {
			fmt.Fprintf(b, "    '%s %s') echo '%s' ;;\n", e.path, k, e.values[k])
		}
	}
	fmt.Fprintf(b, "    *) echo '@any' ;;\n  esac\n}\n")
}

// fishData writes the same functions in fish's syntax.
func fishData(b *strings.Builder, fn string, root *Command) {
	es := entries(root)
	fmt.Fprintf(b, "\nfunction %s_commands\n    switch \"$argv[1]\"\n", fn)
	for _, e := range es {
		if len(e.commands) > 0 {
			fmt.Fprintf(b, "        case '%s'\n            string split ' ' -- '%s'\n", e.path, strings.Join(e.commands, " "))
		}
	}
	fmt.Fprintf(b, "    end\nend\n\nfunction %s_flags\n    switch \"$argv[1]\"\n", fn)
	for _, e := range es {
		fmt.Fprintf(b, "        case '%s'\n            string split ' ' -- '%s'\n", e.path, strings.Join(e.flags, " "))
	}
	fmt.Fprintf(b, "    end\nend\n\nfunction %s_value\n    switch \"$argv[1] $argv[2]\"\n", fn)
	for _, e := range es {
		for _, k := range sortedKeys(e.values) {
			fmt.Fprintf(b, "        case '%s %s'\n            echo '%s'\n", e.path, k, e.values[k])
		}
	}
	fmt.Fprintf(b, "        case '*'\n            echo '@any'\n    end\nend\n")
}

const bashDriver = `
# The command being typed: the words that name commands, flags and their values skipped.
_PROG_path() {
  local cmdpath='' i=1 w v
  while ((i < COMP_CWORD)); do
    w=${COMP_WORDS[i]}
    case $w in
      -*)
        if [[ ${COMP_WORDS[i+1]} == = ]]; then
          ((i += 2))
        else
          v=$(_PROG_value "$cmdpath" "$w")
          [[ $v != @switch ]] && ((i++))
        fi ;;
      *)
        [[ " $(_PROG_commands "$cmdpath") " == *" $w "* ]] && cmdpath=${cmdpath:+$cmdpath }$w ;;
    esac
    ((i++))
  done
  echo "$cmdpath"
}

_PROG() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev='' flag='' cmdpath v
  ((COMP_CWORD > 1)) && prev=${COMP_WORDS[COMP_CWORD-1]}
  cmdpath=$(_PROG_path)
  # --flag=value splits into "--flag" "=" "value" in COMP_WORDS.
  if [[ $cur == = ]]; then
    flag=$prev cur=''
  elif [[ $prev == = ]] && ((COMP_CWORD > 2)); then
    flag=${COMP_WORDS[COMP_CWORD-2]}
  elif [[ $prev == -* ]]; then
    flag=$prev
  fi
  if [[ -n $flag ]]; then
    v=$(_PROG_value "$cmdpath" "$flag")
    case $v in
      @switch) ;;
      @files) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
      @any) COMPREPLY=(); return ;;
      *) COMPREPLY=($(compgen -W "$v" -- "$cur")); return ;;
    esac
  fi
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(_PROG_flags "$cmdpath")" -- "$cur"))
    return
  fi
  local cmds
  cmds=$(_PROG_commands "$cmdpath")
  if [[ -n $cmds ]]; then
    COMPREPLY=($(compgen -W "$cmds" -- "$cur"))
  else
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -F _PROG PROGNAME
`

const zshDriver = `
_PROG() {
  local cmdpath='' i=2 w v flag='' cur=${words[CURRENT]}
  while ((i < CURRENT)); do
    w=${words[i]}
    case $w in
      --*=*) ;;
      -*)
        v=$(_PROG_value "$cmdpath" "$w")
        [[ $v != @switch ]] && ((i++)) ;;
      *)
        [[ " $(_PROG_commands "$cmdpath") " == *" $w "* ]] && cmdpath=${cmdpath:+$cmdpath }$w ;;
    esac
    ((i++))
  done
  if [[ $cur == --*=* ]]; then
    flag=${cur%%=*}
    compset -P '*='
  elif ((CURRENT > 2)) && [[ ${words[CURRENT-1]} == -* && ${words[CURRENT-1]} != *=* ]]; then
    flag=${words[CURRENT-1]}
  fi
  if [[ -n $flag ]]; then
    v=$(_PROG_value "$cmdpath" "$flag")
    case $v in
      @switch) ;;
      @files) _files; return ;;
      @any) _message 'value'; return ;;
      *) compadd -- ${=v}; return ;;
    esac
  fi
  if [[ $cur == -* ]]; then
    compadd -- ${=$(_PROG_flags "$cmdpath")}
    return
  fi
  local cmds
  cmds=$(_PROG_commands "$cmdpath")
  if [[ -n $cmds ]]; then
    compadd -- ${=cmds}
  else
    _files
  fi
}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _PROG "$@"
else
  compdef _PROG PROGNAME
fi
`

const fishDriver = `
# The command being typed: the words that name commands, flags and their values skipped.
function _PROG_path
    set -l toks (commandline -opc)
    set -e toks[1]
    set -l cmdpath ''
    set -l skip 0
    for w in $toks
        if test $skip = 1
            set skip 0
            continue
        end
        switch $w
            case '--*=*'
            case '-*'
                if test (_PROG_value "$cmdpath" $w) != @switch
                    set skip 1
                end
            case '*'
                if contains -- $w (_PROG_commands "$cmdpath")
                    set cmdpath (string trim -- "$cmdpath $w")
                end
        end
    end
    echo $cmdpath
end

function _PROG_complete
    set -l cur (commandline -ct)
    set -l toks (commandline -opc)
    set -l cmdpath (_PROG_path)
    set -l flag ''
    set -l prefix ''
    if string match -q -- '--*=*' $cur
        set flag (string split -m 1 '=' -- $cur)[1]
        set prefix "$flag="
    else if test (count $toks) -gt 1; and string match -q -- '-*' $toks[-1]; and not string match -q -- '*=*' $toks[-1]
        set flag $toks[-1]
    end
    if test -n "$flag"
        set -l v (_PROG_value "$cmdpath" $flag)
        switch $v
            case @switch
            case @files
                __fish_complete_path (string replace -- "$prefix" '' $cur) | string replace -r -- '^' "$prefix"
                return
            case @any
                return
            case '*'
                string split ' ' -- $v | string replace -r -- '^' "$prefix"
                return
        end
    end
    if string match -q -- '-*' $cur
        _PROG_flags "$cmdpath"
        return
    end
    set -l cmds (_PROG_commands "$cmdpath")
    if test (count $cmds) -gt 0
        string join \n -- $cmds
    else
        __fish_complete_path $cur
    end
end

complete -c PROGNAME -f -a '(_PROG_complete)'
`
