package host

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkFindStarts reads a system of 500 units (with drop-ins), 100 crontab
// lines and 500 programs: the cost a host scan adds before its walk.
func BenchmarkFindStarts(b *testing.B) {
	vm := b.TempDir()
	for i := range 500 {
		mustWrite(b, filepath.Join(vm, fmt.Sprintf("usr/lib/svc/prog%d", i)), "#!/bin/sh\n")
		mustWrite(b, filepath.Join(vm, fmt.Sprintf("lib/systemd/system/s%d.service", i)),
			fmt.Sprintf("[Unit]\nDescription=s%d\n[Service]\nExecStartPre=/bin/sh -c 'exec /usr/lib/svc/prog%d --check'\nExecStart=/usr/lib/svc/prog%d -d\n", i, i, i))
		if i%10 == 0 {
			mustWrite(b, filepath.Join(vm, fmt.Sprintf("etc/systemd/system/s%d.service.d/o.conf", i)), "[Service]\nExecStart=\nExecStart=prog1\n")
		}
	}
	var tab []byte
	for i := range 100 {
		tab = fmt.Appendf(tab, "*/5 * * * * root nice -n 5 /usr/lib/svc/prog%d > /dev/null 2>&1\n", i)
	}
	mustWrite(b, filepath.Join(vm, "etc/crontab"), string(tab))
	root, err := os.OpenRoot(vm)
	if err != nil {
		b.Fatal(err)
	}
	defer root.Close()
	b.ResetTimer()
	for b.Loop() {
		if s, _ := FindStarts(root); len(s) < 1000 {
			b.Fatalf("%d starts", len(s))
		}
	}
}

// BenchmarkMergedWalk walks 2,000 files spread over three layers as a container
// sees them, against the plain walk of one folder holding the same files: the cost
// of merging layers.
func BenchmarkMergedWalk(b *testing.B) {
	vm := b.TempDir()
	for i := range 2000 {
		layer := []string{"l1", "l2", "up"}[i%3]
		mustWrite(b, filepath.Join(vm, layer, fmt.Sprintf("d%d/f%d", i%40, i)), "x")
		mustWrite(b, filepath.Join(vm, "flat", fmt.Sprintf("d%d/f%d", i%40, i)), "x")
	}
	root, err := os.OpenRoot(vm)
	if err != nil {
		b.Fatal(err)
	}
	defer root.Close()
	for _, tc := range []struct {
		name string
		tree *Tree
	}{
		{"merged", &Tree{Root: root, Paths: []string{"/"}, Container: "c", Layers: []string{"up", "l2", "l1"}}},
		{"plain", &Tree{Root: root, Paths: []string{"/flat"}}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				w := &walker{root: root, seen: map[[2]uint64]bool{}, skip: func(string, string) {}}
				jobs := make(chan fileJob, 64)
				n := 0
				done := make(chan struct{})
				go func() {
					for range jobs {
						n++
					}
					close(done)
				}()
				if err := w.walkTree(context.Background(), tc.tree, jobs); err != nil {
					b.Fatal(err)
				}
				close(jobs)
				<-done
				if n != 2000 {
					b.Fatalf("%d files", n)
				}
			}
		})
	}
}
