package mail

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestFolderRepeat: delivering the same message twice leaves one file, byte for byte.
func TestFolderRepeat(t *testing.T) {
	dir := t.TempDir()
	tr, _ := NewFolderTransport(dir)
	e := Envelope{MessageID: "aupscan.AUP-000001.warning.abc@cloud.example", Raw: []byte("Subject: x\r\n\r\nbody\r\n")}
	for range 2 {
		if err := tr.Send(t.Context(), e); err != nil {
			t.Fatal(err)
		}
	}
	files, _ := os.ReadDir(dir)
	if len(files) != 1 || files[0].Name() != "aupscan.AUP-000001.warning.abc@cloud.example.eml" {
		t.Fatalf("folder holds %v", files)
	}
	b, _ := os.ReadFile(filepath.Join(dir, files[0].Name()))
	if !bytes.Equal(b, e.Raw) {
		t.Error("content differs")
	}
	if FileName("../../etc/x y") != ".._.._etc_x_y.eml" {
		t.Errorf("FileName escapes paths: %s", FileName("../../etc/x y"))
	}
}
