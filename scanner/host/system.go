package host

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"syscall"

	"github.com/aupscan/aupscan/scanner"
)

// definitionDirs hold container definitions outside the default walk: podman's
// quadlet folders and the kubelet's static pods.
var definitionDirs = []string{"etc/containers/systemd", "usr/share/containers/systemd", "etc/kubernetes/manifests"}

// scanSystem reads a system's files: the walk of its paths, the programs its
// units, crontabs and boot scripts start (read once even when the walk meets them
// too, with what starts them in the evidence), each container's filesystem as the
// container sees it, and the images its container definitions run.
func scanSystem(ctx context.Context, eng *Engine, root *os.Root, o Options, mk FindingMaker, emit func(scanner.Finding)) (Summary, error) {
	starts, skipped := FindStarts(root)
	byProgram := startsByProgram(starts)
	views, stores, cskipped := FindContainers(root)
	skipped = append(skipped, cskipped...)
	views, xskipped, err := excludeViews(views, o.Files.Exclude)
	if err != nil {
		return Summary{}, err
	}
	skipped = append(skipped, xskipped...)

	host := Tree{Root: root, Paths: o.Paths, Defaults: o.defaults}
	for p := range byProgram {
		host.Files = append(host.Files, p)
	}
	slices.Sort(host.Files)
	var defs []string
	host.OnFile = func(rel string) {
		if DefinitionKind("/"+rel) != "" {
			defs = append(defs, rel)
		}
	}
	trees := []Tree{host}
	if len(views) > 0 {
		for _, s := range stores {
			trees[0].Covered = append(trees[0].Covered, s.Dir)
		}
	}
	image := map[string]string{}
	for _, v := range views {
		trees = append(trees, Tree{Root: root, Paths: []string{"/"}, Container: v.Name, Layers: v.Layers})
		image[v.Name] = v.Image
	}
	sum, err := ScanFiles(ctx, trees, eng.Files, o.Files, func(h FileHit) {
		for _, f := range mk.FileFindings(h) {
			switch {
			case h.Container != "":
				f.Evidence += fmt.Sprintf("; in container %s (image %s), file %s", h.Container, or(image[h.Container], "unknown"), h.Layer)
			case len(byProgram[h.Path]) > 0:
				f.Evidence += "; " + startEvidence(byProgram[h.Path])
			}
			emit(f)
		}
	})
	sum.Skipped = append(sum.Skipped, skipped...)
	if err != nil {
		return sum, err
	}
	for _, v := range views {
		uses := []ImageUse{{Image: v.Image, Where: "container " + v.Name, Published: v.Published}}
		for _, f := range eng.definitionFindings(mk, v.Meta, uses) {
			f.Container = v.Name
			f.SetID()
			emit(f)
		}
	}
	for _, rel := range definitionFiles(root, defs) {
		uses, err := readDefinition(root, rel)
		if err != nil {
			sum.Skipped = append(sum.Skipped, Skipped{"/" + rel, SkipUnreadable + ": " + err.Error()})
		}
		for _, f := range eng.definitionFindings(mk, "/"+rel, uses) {
			emit(f)
		}
	}
	return sum, nil
}

// definitionFiles adds the files of the definition folders outside the walk to
// the candidates the walk met, each once, in order.
func definitionFiles(root *os.Root, walked []string) []string {
	out := slices.Clone(walked)
	for _, dir := range definitionDirs {
		f, err := root.Open(dir)
		if err != nil {
			continue
		}
		names, _ := f.Readdirnames(-1)
		f.Close()
		for _, n := range names {
			if DefinitionKind("/"+dir+"/"+n) != "" {
				out = append(out, dir+"/"+n)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// readDefinition reads a candidate definition file (not through a link, not a
// special file, not over the size bound) and parses it.
func readDefinition(root *os.Root, rel string) ([]ImageUse, error) {
	f, err := root.OpenFile(rel, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
	if err != nil {
		return nil, nil // a link, or gone: the walk did not read it either
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > maxDefinitionSize {
		return nil, nil
	}
	data, err := io.ReadAll(io.LimitReader(f, maxDefinitionSize))
	if err != nil {
		return nil, err
	}
	kind := DefinitionKind("/" + rel)
	uses, err := ParseDefinition(kind, data)
	if kind == DefKubernetes {
		err = nil // any YAML file is a candidate: one that is no manifest is not an error
	}
	return uses, err
}

// excludeViews leaves out the containers whose layers lie in an excluded folder of
// the host (--exclude '/var/lib/docker/**' leaves every Docker container out).
func excludeViews(views []ContainerView, globs []string) ([]ContainerView, []Skipped, error) {
	exclude, err := compileGlobs(globs)
	if err != nil {
		return nil, nil, err
	}
	var kept []ContainerView
	var skipped []Skipped
	for _, v := range views {
		if slices.ContainsFunc(v.Layers, func(l string) bool { return exclude("/"+l) || excludedAbove(exclude, "/"+l) }) {
			skipped = append(skipped, Skipped{v.Name + ":/", SkipExcluded})
			continue
		}
		kept = append(kept, v)
	}
	return kept, skipped, nil
}
