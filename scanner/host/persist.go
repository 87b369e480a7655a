package host

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
)

// A Start is a program the scanned system starts by itself (at boot, on a
// schedule, as a service), and what starts it.
type Start struct {
	Program string // the program's file, a slash path inside the root: "/opt/relay/relayd"
	By      string // the file that starts it: "/etc/systemd/system/relay.service"
	How     string // the setting or mechanism: "ExecStart", "cron", "rc.local"
}

func (s Start) String() string { return fmt.Sprintf("started by %s (%s)", s.By, s.How) }

// persistence gathers Starts and the definition files it could not read.
type persistence struct {
	root    *os.Root
	res     *resolver
	starts  []Start
	skipped []Skipped
	seen    map[Start]bool
}

// FindStarts reads how the scanned system starts programs by itself: systemd units
// (system and user), crontabs and cron's script folders, rc.local, SysV init
// scripts' DAEMON and supervisord programs. Each command is followed through
// wrappers (sh -c, env, nohup...) to its program, which is resolved inside the root
// (bare names through the search path, links as the system would follow them). A
// definition that cannot be read or parsed is listed as skipped with the reason.
func FindStarts(root *os.Root) ([]Start, []Skipped) {
	p := &persistence{root: root, res: newResolver(root), seen: map[Start]bool{}}
	p.systemd()
	p.cron()
	p.rcLocal()
	p.initScripts()
	p.supervisor()
	slices.SortFunc(p.starts, func(a, b Start) int {
		return strings.Compare(a.Program+"\x00"+a.By+"\x00"+a.How, b.Program+"\x00"+b.By+"\x00"+b.How)
	})
	return p.starts, p.skipped
}

// command follows one command line (already split into words) to its program.
func (p *persistence) command(argv []string, search []string, by, how string) {
	argv, err := unwrap(argv)
	if err != nil || len(argv) == 0 {
		return // a variable or a substitution names the program: nothing to follow
	}
	rel, err := p.res.program(argv[0], search)
	if err != nil {
		return // not on this system (or not a file): nothing to scan
	}
	s := Start{Program: "/" + rel, By: by, How: how}
	if !p.seen[s] {
		p.seen[s] = true
		p.starts = append(p.starts, s)
	}
}

// shellLine follows a shell command line (cron, rc.local, supervisord).
func (p *persistence) shellLine(line string, search []string, by, how string) {
	words, err := shellWords(line)
	if err == nil {
		p.command(words, search, by, how)
	}
}

// open opens a definition file inside the root through its links, as the system
// would read it; missing files are silently nothing.
func (p *persistence) open(rel string) (io.ReadCloser, string, bool) {
	real, err := p.res.file("/" + rel)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, errNotRegular) {
			p.skipped = append(p.skipped, Skipped{"/" + rel, reasonFor(err)})
		}
		return nil, "", false
	}
	f, err := p.root.Open(real)
	if err != nil {
		p.skipped = append(p.skipped, Skipped{"/" + rel, reasonFor(err)})
		return nil, "", false
	}
	return f, real, true
}

func (p *persistence) bad(rel string, err error) {
	p.skipped = append(p.skipped, Skipped{"/" + rel, SkipUnreadable + ": " + err.Error()})
}

// list returns the names in a folder inside the root, sorted; nil when it is missing.
func (p *persistence) list(rel string) []fs.DirEntry {
	fi, err := p.root.Lstat(rel)
	if err != nil || !fi.IsDir() {
		return nil
	}
	f, err := p.root.Open(rel)
	if err != nil {
		return nil
	}
	defer f.Close()
	entries, _ := f.ReadDir(-1)
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries
}

// unitScope is a set of unit folders in systemd's order of precedence, and who the
// units run as.
type unitScope struct {
	dirs []string
	spec Specifiers
	kind string // "" for system units, "user unit" for user units
}

func (p *persistence) unitScopes() []unitScope {
	scopes := []unitScope{
		{dirs: []string{"etc/systemd/system", "run/systemd/system", "usr/local/lib/systemd/system", "usr/lib/systemd/system", "lib/systemd/system"}},
		{dirs: []string{"etc/systemd/user", "usr/local/lib/systemd/user", "usr/lib/systemd/user"}, kind: "user unit"},
	}
	for _, h := range p.homes() {
		scopes = append(scopes, unitScope{dirs: []string{h.dir + "/.config/systemd/user", h.dir + "/.local/share/systemd/user"},
			spec: Specifiers{User: h.user, Home: "/" + h.dir}, kind: "user unit"})
	}
	return scopes
}

type home struct{ user, dir string }

// homes lists the home folders a user's own units and crontabs may sit in.
func (p *persistence) homes() []home {
	out := []home{{"root", "root"}}
	for _, e := range p.list("home") {
		if e.IsDir() {
			out = append(out, home{e.Name(), "home/" + e.Name()})
		}
	}
	return out
}

// systemd reads the service units of every scope: each unit name once, from the
// folder that wins, with its drop-ins; template instances enabled through
// .wants/.requires links get their instance name.
func (p *persistence) systemd() {
	for _, sc := range p.unitScopes() {
		names := map[string]string{} // unit name -> folder it is read from
		var order []string
		add := func(name, dir string) {
			if _, ok := names[name]; !ok {
				names[name] = dir
				order = append(order, name)
			}
		}
		for _, dir := range sc.dirs {
			for _, e := range p.list(dir) {
				switch n := e.Name(); {
				case strings.HasSuffix(n, ".service") && !strings.HasSuffix(n, "@.service"):
					add(n, dir)
				case e.IsDir() && (strings.HasSuffix(n, ".wants") || strings.HasSuffix(n, ".requires")):
					for _, w := range p.list(dir + "/" + n) {
						if strings.HasSuffix(w.Name(), ".service") && strings.Contains(w.Name(), "@") && !strings.HasSuffix(w.Name(), "@.service") {
							add(w.Name(), dir+"/"+n)
						}
					}
				}
			}
		}
		for _, name := range order {
			p.unit(sc, name, names[name])
		}
	}
}

// unit reads one service unit (for an instance, from its link or its template)
// with its drop-ins, and follows its Exec settings.
func (p *persistence) unit(sc unitScope, name, dir string) {
	rel := dir + "/" + name
	if _, err := p.root.Lstat(rel); err != nil {
		return
	}
	if prefix, _, ok := strings.Cut(name, "@"); ok {
		if _, err := p.res.file("/" + rel); err != nil {
			rel = p.findUnit(sc, prefix+"@.service")
		}
	}
	f, _, ok := p.open(rel)
	if !ok {
		return // masked (a link to /dev/null), or gone
	}
	u, err := ParseUnit(f)
	f.Close()
	if err != nil {
		p.bad(rel, err)
	}
	for _, dropin := range p.dropIns(sc, name) {
		if df, _, ok := p.open(dropin); ok {
			du, err := ParseUnit(df)
			df.Close()
			if err != nil {
				p.bad(dropin, err)
			}
			u.Entries = append(u.Entries, du.Entries...)
		}
	}
	spec := sc.spec
	spec.Unit = name
	by := "/" + rel
	for _, key := range execKeys {
		for _, e := range u.Values("Service", key) {
			cmds, err := ExecCommands(e.Value, spec)
			if err != nil {
				continue
			}
			how := key
			if sc.kind != "" {
				how = sc.kind + " " + key
			}
			for _, argv := range cmds {
				p.command(argv, nil, by, how)
			}
		}
	}
}

// findUnit returns the first folder's file of that name in the scope.
func (p *persistence) findUnit(sc unitScope, name string) string {
	for _, dir := range sc.dirs {
		if _, err := p.root.Lstat(dir + "/" + name); err == nil {
			return dir + "/" + name
		}
	}
	return ""
}

// dropIns lists a unit's NAME.d/*.conf files (and its template's) across the
// scope's folders, in the order systemd applies them: by file name.
func (p *persistence) dropIns(sc unitScope, name string) []string {
	var dirs []string
	if prefix, _, ok := strings.Cut(name, "@"); ok {
		dirs = append(dirs, prefix+"@.service.d")
	}
	dirs = append(dirs, name+".d")
	byName := map[string]string{}
	for _, d := range dirs {
		for i := len(sc.dirs) - 1; i >= 0; i-- { // a higher folder's file of the same name wins
			for _, e := range p.list(sc.dirs[i] + "/" + d) {
				if strings.HasSuffix(e.Name(), ".conf") {
					byName[e.Name()] = sc.dirs[i] + "/" + d + "/" + e.Name()
				}
			}
		}
	}
	names := make([]string, 0, len(byName))
	for n := range byName {
		names = append(names, n)
	}
	slices.Sort(names)
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = byName[n]
	}
	return out
}

// cron reads the system crontab, /etc/cron.d, the users' spool crontabs, and the
// scripts of cron's run-parts folders (which are the programs themselves).
func (p *persistence) cron() {
	type crontab struct {
		rel    string
		system bool // a user field before the command
		user   string
	}
	tabs := []crontab{{"etc/crontab", true, ""}}
	for _, e := range p.list("etc/cron.d") {
		if !e.IsDir() {
			tabs = append(tabs, crontab{"etc/cron.d/" + e.Name(), true, ""})
		}
	}
	for _, dir := range []string{"var/spool/cron/crontabs", "var/spool/cron/tabs", "var/spool/cron"} {
		for _, e := range p.list(dir) {
			if !e.IsDir() {
				tabs = append(tabs, crontab{dir + "/" + e.Name(), false, e.Name()})
			}
		}
	}
	for _, t := range tabs {
		f, _, ok := p.open(t.rel)
		if !ok {
			continue
		}
		entries, err := ParseCrontab(f, t.system)
		f.Close()
		if err != nil {
			p.bad(t.rel, err)
		}
		for _, e := range entries {
			var search []string
			if e.Path != "" {
				search = strings.Split(e.Path, ":")
			}
			how := "cron " + e.Schedule
			if u := or(e.User, t.user); u != "" {
				how += ", user " + u
			}
			p.shellLine(e.Command, search, "/"+t.rel, how)
		}
	}
	for _, period := range []string{"hourly", "daily", "weekly", "monthly"} {
		dir := "etc/cron." + period
		for _, e := range p.list(dir) {
			if rel, err := p.res.file("/" + dir + "/" + e.Name()); err == nil {
				s := Start{Program: "/" + rel, By: "/" + dir, How: "cron " + period}
				if !p.seen[s] {
					p.seen[s] = true
					p.starts = append(p.starts, s)
				}
			}
		}
	}
}

// rcLocal follows each command line of rc.local: the system runs it at boot.
func (p *persistence) rcLocal() {
	for _, rel := range []string{"etc/rc.local", "etc/rc.d/rc.local"} {
		p.eachLine(rel, func(line string) {
			w, err := shellWords(line)
			if err != nil || len(w) == 0 || shellKeywords[w[0]] {
				return
			}
			p.command(w, nil, "/"+rel, "rc.local")
		})
	}
}

// shellKeywords start lines of shell syntax rather than a command.
var shellKeywords = map[string]bool{"if": true, "then": true, "else": true, "elif": true, "fi": true, "for": true,
	"while": true, "until": true, "do": true, "done": true, "case": true, "esac": true, "exit": true, "return": true,
	"{": true, "}": true, "export": true, "set": true, "unset": true, "local": true, "echo": true, "true": true,
	"false": true, ":": true, "sleep": true, "cd": true, ".": true, "source": true, "[": true, "test": true}

// initScripts follows the DAEMON= setting of SysV init scripts, the program the
// LSB boilerplate starts.
func (p *persistence) initScripts() {
	for _, e := range p.list("etc/init.d") {
		rel := "etc/init.d/" + e.Name()
		p.eachLine(rel, func(line string) {
			if name, val, ok := cronVariable(line); ok && name == "DAEMON" && strings.HasPrefix(val, "/") {
				p.command([]string{val}, nil, "/"+rel, "init script DAEMON")
			}
		})
	}
}

// supervisor follows supervisord's [program:x] command= settings.
func (p *persistence) supervisor() {
	files := []string{"etc/supervisord.conf", "etc/supervisor/supervisord.conf"}
	for _, dir := range []string{"etc/supervisor/conf.d", "etc/supervisord.d"} {
		for _, e := range p.list(dir) {
			files = append(files, dir+"/"+e.Name())
		}
	}
	for _, rel := range files {
		inProgram := false
		p.eachLine(rel, func(line string) {
			if strings.HasPrefix(line, "[") {
				inProgram = strings.HasPrefix(line, "[program:")
				return
			}
			if k, v, ok := strings.Cut(line, "="); ok && inProgram && strings.TrimSpace(k) == "command" {
				p.shellLine(strings.TrimSpace(v), nil, "/"+rel, "supervisord command")
			}
		})
	}
}

// eachLine calls fn with each trimmed, non-comment line of a file in the root.
func (p *persistence) eachLine(rel string, fn func(string)) {
	f, _, ok := p.open(rel)
	if !ok {
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(io.LimitReader(f, maxUnitSize))
	sc.Buffer(make([]byte, 0, 4096), maxUnitSize)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && line[0] != '#' && line[0] != ';' {
			fn(line)
		}
	}
}

// startsByProgram groups starts by program path, for the findings' evidence.
func startsByProgram(starts []Start) map[string][]Start {
	m := map[string][]Start{}
	for _, s := range starts {
		m[s.Program] = append(m[s.Program], s)
	}
	return m
}

// startEvidence says what starts a program, each file once with its settings:
// "started by /etc/systemd/system/relay.service (ExecStartPre, ExecStart),
// /etc/crontab (cron @reboot, user root)".
func startEvidence(starts []Start) string {
	var files []string
	hows := map[string][]string{}
	for _, s := range starts {
		if _, ok := hows[s.By]; !ok {
			files = append(files, s.By)
		}
		hows[s.By] = append(hows[s.By], s.How)
	}
	parts := make([]string, len(files))
	for i, f := range files {
		parts[i] = fmt.Sprintf("%s (%s)", f, strings.Join(hows[f], ", "))
	}
	return "started by " + strings.Join(parts, ", ")
}
